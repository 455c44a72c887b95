using System.Text.Json;
using ServerlessShield.AwsLambda;

namespace ServerlessShield;

/// <summary>
/// Recognises which AWS service sent a Lambda event from the event's shape, and names each source for telemetry.
/// Detection reads the parsed event only; it never throws on odd shapes (an unrecognised event is <see cref="LambdaEventSource.Unknown"/>).
/// </summary>
public static class LambdaEventSources
{
    /// <summary>Detects the source of a parsed event.</summary>
    /// <param name="root">The event's root element.</param>
    /// <returns>The source, or <see cref="LambdaEventSource.Unknown"/>.</returns>
    public static LambdaEventSource Detect(JsonElement root) => LambdaEventSourceDetector.Detect(root);

    /// <summary>Detects the source of a UTF-8 JSON event. A leading byte order mark is tolerated; invalid JSON is unknown.</summary>
    /// <param name="utf8Json">The event bytes.</param>
    /// <returns>The source, or <see cref="LambdaEventSource.Unknown"/>.</returns>
    public static LambdaEventSource Detect(ReadOnlyMemory<byte> utf8Json)
    {
        using var document = LambdaEventParser.TryParse(utf8Json, LambdaEventParser.DefaultMaxDepth);
        return document is null ? LambdaEventSource.Unknown : Detect(document.RootElement);
    }

    /// <summary>The family and stable lower-case name of a source, as the core pipeline and telemetry see it.</summary>
    /// <param name="source">The source.</param>
    /// <returns>The family (which decides inspection rules) and the name (<c>aws:sqs</c>, <c>apigw-rest</c>, ...).</returns>
    public static EventSourceInfo Describe(LambdaEventSource source) => source switch
    {
        LambdaEventSource.Sqs => new(EventSourceKind.Queue, "aws:sqs"),
        LambdaEventSource.Sns => new(EventSourceKind.PubSub, "aws:sns"),
        LambdaEventSource.S3 => new(EventSourceKind.Storage, "aws:s3"),
        LambdaEventSource.DynamoDbStreams => new(EventSourceKind.Database, "aws:dynamodb"),
        LambdaEventSource.Kinesis => new(EventSourceKind.Stream, "aws:kinesis"),
        LambdaEventSource.Ses => new(EventSourceKind.PubSub, "aws:ses"),
        LambdaEventSource.CloudFrontEdge => new(EventSourceKind.Http, "cloudfront-edge"),
        LambdaEventSource.Kafka => new(EventSourceKind.Stream, "aws:kafka"),
        LambdaEventSource.AmazonMq => new(EventSourceKind.Queue, "aws:mq"),
        LambdaEventSource.CloudWatchLogs => new(EventSourceKind.Stream, "cloudwatch-logs"),
        LambdaEventSource.Firehose => new(EventSourceKind.Stream, "firehose"),
        // An authorizer answers with an IAM policy, not an HTTP response: it is a platform callback.
        LambdaEventSource.ApiGatewayAuthorizer => new(EventSourceKind.Platform, "apigw-authorizer"),
        LambdaEventSource.Alb => new(EventSourceKind.Http, "alb"),
        LambdaEventSource.VpcLattice => new(EventSourceKind.Http, "vpc-lattice"),
        LambdaEventSource.FunctionUrl => new(EventSourceKind.Http, "function-url"),
        LambdaEventSource.ApiGatewayHttp => new(EventSourceKind.Http, "apigw-http"),
        LambdaEventSource.ApiGatewayWebSocket => new(EventSourceKind.Http, "apigw-websocket"),
        LambdaEventSource.ApiGatewayRest => new(EventSourceKind.Http, "apigw-rest"),
        LambdaEventSource.AppSyncAuthorizer => new(EventSourceKind.Platform, "appsync-authorizer"),
        LambdaEventSource.EventBridge => new(EventSourceKind.PubSub, "eventbridge"),
        LambdaEventSource.ScheduledEvent => new(EventSourceKind.Schedule, "eventbridge-schedule"),
        LambdaEventSource.AppSyncResolver => new(EventSourceKind.Platform, "appsync-resolver"),
        LambdaEventSource.CognitoUserPool => new(EventSourceKind.Platform, "cognito-user-pool"),
        LambdaEventSource.CognitoSync => new(EventSourceKind.Platform, "cognito-sync"),
        LambdaEventSource.StepFunctions => new(EventSourceKind.Platform, "stepfunctions"),
        LambdaEventSource.CloudFormationCustomResource => new(EventSourceKind.Platform, "cloudformation-custom-resource"),
        LambdaEventSource.S3Batch => new(EventSourceKind.Storage, "s3-batch"),
        LambdaEventSource.S3ObjectLambda => new(EventSourceKind.Storage, "s3-object-lambda"),
        LambdaEventSource.SecretsManagerRotation => new(EventSourceKind.Platform, "secrets-manager-rotation"),
        LambdaEventSource.ConfigRule => new(EventSourceKind.Platform, "config-rule"),
        LambdaEventSource.Connect => new(EventSourceKind.Platform, "connect"),
        _ => EventSourceInfo.Unknown,
    };
}
