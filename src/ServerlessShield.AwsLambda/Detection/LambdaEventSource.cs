namespace ServerlessShield;

/// <summary>The AWS service (or integration) that invoked a Lambda function, as told by the shape of its event.</summary>
public enum LambdaEventSource
{
    /// <summary>No known envelope: a direct or SDK invoke, an AWS IoT rule, a plain Step Functions task.</summary>
    Unknown = 0,

    /// <summary>Amazon SQS (<c>Records[].eventSource == "aws:sqs"</c>).</summary>
    Sqs,

    /// <summary>Amazon SNS (<c>Records[].EventSource == "aws:sns"</c>).</summary>
    Sns,

    /// <summary>Amazon S3 event notification (<c>Records[].eventSource == "aws:s3"</c>).</summary>
    S3,

    /// <summary>DynamoDB Streams (<c>Records[].eventSource == "aws:dynamodb"</c>).</summary>
    DynamoDbStreams,

    /// <summary>Kinesis Data Streams (<c>Records[].eventSource == "aws:kinesis"</c>).</summary>
    Kinesis,

    /// <summary>Amazon SES receipt rule (<c>Records[].eventSource == "aws:ses"</c>).</summary>
    Ses,

    /// <summary>CloudFront / Lambda@Edge (<c>Records[].cf</c>).</summary>
    CloudFrontEdge,

    /// <summary>Amazon MSK or self-managed Apache Kafka.</summary>
    Kafka,

    /// <summary>Amazon MQ (ActiveMQ or RabbitMQ).</summary>
    AmazonMq,

    /// <summary>CloudWatch Logs subscription filter (<c>awslogs.data</c>).</summary>
    CloudWatchLogs,

    /// <summary>Kinesis Data Firehose data transformation.</summary>
    Firehose,

    /// <summary>API Gateway Lambda authorizer (REST token or request, HTTP API request).</summary>
    ApiGatewayAuthorizer,

    /// <summary>Application Load Balancer target.</summary>
    Alb,

    /// <summary>VPC Lattice target (event structure v1 or v2).</summary>
    VpcLattice,

    /// <summary>Lambda Function URL.</summary>
    FunctionUrl,

    /// <summary>API Gateway HTTP API, payload format 2.0.</summary>
    ApiGatewayHttp,

    /// <summary>API Gateway WebSocket API.</summary>
    ApiGatewayWebSocket,

    /// <summary>API Gateway REST API proxy integration (or HTTP API payload format 1.0).</summary>
    ApiGatewayRest,

    /// <summary>AWS AppSync Lambda authorizer.</summary>
    AppSyncAuthorizer,

    /// <summary>Amazon EventBridge (or CloudWatch Events) event other than a schedule.</summary>
    EventBridge,

    /// <summary>EventBridge scheduled event (<c>source == "aws.events"</c>, <c>detail-type == "Scheduled Event"</c>).</summary>
    ScheduledEvent,

    /// <summary>AWS AppSync resolver (direct, batch or mapping-template).</summary>
    AppSyncResolver,

    /// <summary>Amazon Cognito user pool trigger.</summary>
    CognitoUserPool,

    /// <summary>Amazon Cognito Sync trigger (legacy).</summary>
    CognitoSync,

    /// <summary>AWS Step Functions task that passes the context object or a Catch's error payload.</summary>
    StepFunctions,

    /// <summary>AWS CloudFormation custom resource.</summary>
    CloudFormationCustomResource,

    /// <summary>Amazon S3 Batch Operations.</summary>
    S3Batch,

    /// <summary>Amazon S3 Object Lambda.</summary>
    S3ObjectLambda,

    /// <summary>AWS Secrets Manager rotation.</summary>
    SecretsManagerRotation,

    /// <summary>AWS Config custom rule.</summary>
    ConfigRule,

    /// <summary>Amazon Connect contact flow.</summary>
    Connect,
}
