"""Signs IAM and STS requests with botocore (the signer of boto3 and the aws CLI) at a fixed time; prints JSON."""
import datetime
import json
import sys

import botocore.auth
import botocore.session
from botocore.awsrequest import AWSRequest, AWSResponse
from botocore.credentials import Credentials

FIXED = datetime.datetime(2024, 1, 1, 0, 0, 0)
botocore.auth.get_current_datetime = lambda *args, **kwargs: FIXED

key, secret, session_key, session_secret, token = sys.argv[1:6]
out = []


def record(name, method, url, headers, body):
    if isinstance(body, bytes):
        body = body.decode("utf-8")
    out.append({"name": name, "method": method, "url": url,
                "headers": {k: v.decode() if isinstance(v, bytes) else v for k, v in headers.items()},
                "body": body or ""})


def signed(name, auth, method, url, data=None, headers=None):
    request = AWSRequest(method=method, url=url, data=data, headers=headers or {})
    auth.add_auth(request)
    prepared = request.prepare()
    record(name, prepared.method, prepared.url, prepared.headers, prepared.body)


creds = Credentials(key, secret)
signed("header-get", botocore.auth.SigV4Auth(creds, "iam", "us-east-1"), "GET",
       "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08")
signed("header-post-form", botocore.auth.SigV4Auth(creds, "iam", "us-east-1"), "POST", "https://iam.amazonaws.com/",
       data="Action=CreateUser&UserName=alice&Path=%2Fdivision%2F&Version=2010-05-08",
       headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})

session = botocore.session.get_session()


def capture(name):
    def handler(request, **kwargs):
        record(name, request.method, request.url, request.headers, request.body)
        return AWSResponse(request.url, 500, {}, None)
    return handler


def call(service, region, operation, params, name, session_token=None):
    client = session.create_client(service, region_name=region,
                                   aws_access_key_id=session_key if session_token else key,
                                   aws_secret_access_key=session_secret if session_token else secret,
                                   aws_session_token=session_token)
    client.meta.events.register("before-send", capture(name))
    try:
        getattr(client, operation)(**params)
    except Exception:
        pass
    return client


call("iam", "us-east-1", "create_user", {"UserName": "alice", "Path": "/division/",
     "Tags": [{"Key": "team", "Value": "a b&c=d/é"}]}, "client-iam-create-user")
call("sts", "eu-west-3", "get_caller_identity", {}, "client-sts-session", session_token=token)
sts = session.create_client("sts", region_name="us-east-1", aws_access_key_id=key, aws_secret_access_key=secret)
# Without HttpMethod the URL is signed for the operation's method, POST, with an empty body.
record("presigned-sts", "POST", sts.generate_presigned_url("get_caller_identity", ExpiresIn=300), {}, "")
iam = session.create_client("iam", region_name="us-east-1", aws_access_key_id=session_key,
                            aws_secret_access_key=session_secret, aws_session_token=token)
record("presigned-iam-session", "GET", iam.generate_presigned_url("list_users", Params={"PathPrefix": "/a b/"},
                                                                  ExpiresIn=3600, HttpMethod="GET"), {}, "")
print(json.dumps(out, indent=1))
