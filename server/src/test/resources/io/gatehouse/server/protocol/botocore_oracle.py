# Answers the protocol tests with what botocore, the library under the aws CLI and boto3, makes of Gatehouse's
# documents and how it serializes requests. Reads one JSON request per line on stdin and writes one JSON answer
# per line on stdout:
#   {"op": "parse", "service": "iam", "operation": "CreateUser", "status": 200, "body": "<xml>"}
#       -> what a botocore client returns for that HTTP response (after its IAM policy-document handler);
#          "model" instead of "service" gives a whole service-2 model inline
#   {"op": "serialize", "service": "iam", "operation": "CreateUser", "params": {...}}
#       -> the form parameters a botocore client sends, as [[name, value], ...]
import base64
import datetime
import json
import sys

import botocore.session
from botocore import handlers, parsers, serialize
from botocore.model import ServiceModel

SESSION = botocore.session.get_session()
MODELS = {}


def model(service):
    if service not in MODELS:
        MODELS[service] = SESSION.get_service_model(service)
    return MODELS[service]


def plain(value):
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
    if isinstance(value, bytes):
        return base64.b64encode(value).decode('ascii')
    return value


def operation_model(request):
    service = ServiceModel(request['model'], 'test') if 'model' in request else model(request['service'])
    return service.operation_model(request['operation'])


def parse(request):
    operation = operation_model(request)
    response = {'status_code': request['status'], 'headers': {}, 'body': request['body'].encode('utf-8')}
    parsed = parsers.create_parser('query').parse(response, operation.output_shape)
    if request['status'] < 300 and request.get('service') == 'iam':
        handlers.json_decode_policies(parsed, operation)
    parsed.get('ResponseMetadata', {}).pop('HTTPHeaders', None)
    parsed.get('ResponseMetadata', {}).pop('HTTPStatusCode', None)
    return plain(parsed)


def serialize_request(request):
    operation = operation_model(request)
    serialized = serialize.create_serializer('query', include_validation=False)
    body = serialized.serialize_to_request(request['params'], operation)['body']
    return [[name, str(value)] for name, value in body.items()]


for line in sys.stdin:
    request = json.loads(line)
    try:
        answer = parse(request) if request['op'] == 'parse' else serialize_request(request)
        print(json.dumps({'ok': answer}), flush=True)
    except Exception as e:  # the test reports what botocore refused
        print(json.dumps({'error': type(e).__name__ + ': ' + str(e)}), flush=True)
