using System.Text;
using ServerlessShield.AwsLambda.Tests.Support;

namespace ServerlessShield.AwsLambda.Tests.Detection;

public sealed class LambdaEventSourceDetectorTests
{
    [Theory]
    [InlineData("sqs", LambdaEventSource.Sqs)]
    [InlineData("sqs-fifo", LambdaEventSource.Sqs)]
    [InlineData("sns", LambdaEventSource.Sns)]
    [InlineData("s3", LambdaEventSource.S3)]
    [InlineData("dynamodb", LambdaEventSource.DynamoDbStreams)]
    [InlineData("kinesis", LambdaEventSource.Kinesis)]
    [InlineData("ses", LambdaEventSource.Ses)]
    [InlineData("cloudfront", LambdaEventSource.CloudFrontEdge)]
    [InlineData("kafka-msk", LambdaEventSource.Kafka)]
    [InlineData("kafka-self-managed", LambdaEventSource.Kafka)]
    [InlineData("mq-activemq", LambdaEventSource.AmazonMq)]
    [InlineData("mq-rabbitmq", LambdaEventSource.AmazonMq)]
    [InlineData("cloudwatch-logs", LambdaEventSource.CloudWatchLogs)]
    [InlineData("firehose", LambdaEventSource.Firehose)]
    [InlineData("apigw-authorizer-token", LambdaEventSource.ApiGatewayAuthorizer)]
    [InlineData("apigw-authorizer-request", LambdaEventSource.ApiGatewayAuthorizer)]
    [InlineData("apigw-authorizer-http", LambdaEventSource.ApiGatewayAuthorizer)]
    [InlineData("alb", LambdaEventSource.Alb)]
    [InlineData("alb-browser", LambdaEventSource.Alb)]
    [InlineData("alb-multi-value", LambdaEventSource.Alb)]
    [InlineData("vpc-lattice-v1", LambdaEventSource.VpcLattice)]
    [InlineData("vpc-lattice-v2", LambdaEventSource.VpcLattice)]
    [InlineData("vpc-lattice-browser", LambdaEventSource.VpcLattice)]
    [InlineData("function-url", LambdaEventSource.FunctionUrl)]
    [InlineData("apigw-http", LambdaEventSource.ApiGatewayHttp)]
    [InlineData("apigw-http-browser", LambdaEventSource.ApiGatewayHttp)]
    [InlineData("apigw-websocket", LambdaEventSource.ApiGatewayWebSocket)]
    [InlineData("apigw-rest", LambdaEventSource.ApiGatewayRest)]
    [InlineData("apigw-rest-browser", LambdaEventSource.ApiGatewayRest)]
    [InlineData("appsync-authorizer", LambdaEventSource.AppSyncAuthorizer)]
    [InlineData("appsync-direct-resolver", LambdaEventSource.AppSyncResolver)]
    [InlineData("appsync-batch-resolver", LambdaEventSource.AppSyncResolver)]
    [InlineData("appsync-template-resolver", LambdaEventSource.AppSyncResolver)]
    [InlineData("eventbridge", LambdaEventSource.EventBridge)]
    [InlineData("eventbridge-scheduled", LambdaEventSource.ScheduledEvent)]
    [InlineData("cognito-presignup", LambdaEventSource.CognitoUserPool)]
    [InlineData("cognito-sync", LambdaEventSource.CognitoSync)]
    [InlineData("stepfunctions-context", LambdaEventSource.StepFunctions)]
    [InlineData("stepfunctions-error", LambdaEventSource.StepFunctions)]
    [InlineData("cloudformation", LambdaEventSource.CloudFormationCustomResource)]
    [InlineData("s3-batch", LambdaEventSource.S3Batch)]
    [InlineData("s3-object-lambda", LambdaEventSource.S3ObjectLambda)]
    [InlineData("secrets-manager-rotation", LambdaEventSource.SecretsManagerRotation)]
    [InlineData("config-rule", LambdaEventSource.ConfigRule)]
    [InlineData("connect", LambdaEventSource.Connect)]
    [InlineData("direct-invoke", LambdaEventSource.Unknown)]
    public void Detect_Fixture_IsItsSource(string fixture, LambdaEventSource expected)
    {
        Assert.Equal(expected, LambdaEventSources.Detect(Fixtures.Bytes(fixture)));
    }

    [Fact]
    public void Detect_EveryFixture_IsCoveredByTheTheory()
    {
        var covered = typeof(LambdaEventSourceDetectorTests).GetMethod(nameof(Detect_Fixture_IsItsSource))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => (string)a.GetData(null!).First()[0]);
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.json").Select(Path.GetFileNameWithoutExtension);
        Assert.Equal(files.Order(StringComparer.Ordinal), covered.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Detect_EverySourceButUnknown_HasAFixture()
    {
        var detected = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.json")
            .Select(f => LambdaEventSources.Detect(File.ReadAllBytes(f))).ToHashSet();
        Assert.Equal(Enum.GetValues<LambdaEventSource>().ToHashSet(), detected);
    }

    [Fact]
    public void Detect_ByteOrderMark_IsTolerated()
    {
        var bytes = "\uFEFF"u8.ToArray().Concat(Fixtures.Bytes("sqs")).ToArray();
        Assert.Equal(LambdaEventSource.Sqs, LambdaEventSources.Detect(bytes));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("42")]
    [InlineData("\"text\"")]
    [InlineData("[1,2]")]
    [InlineData("{\"Records\":[]}")]
    [InlineData("{\"Records\":[{\"eventSource\":\"aws:unknown\"}]}")]
    [InlineData("{\"requestContext\":{}}")]
    [InlineData("{\"Error\":\"E\",\"Cause\":\"C\",\"more\":1}")]
    public void Detect_UnrecognisedOrInvalid_IsUnknown(string json)
    {
        Assert.Equal(LambdaEventSource.Unknown, LambdaEventSources.Detect(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Detect_SnsDiscriminatorInLowerCase_IsNotSns()
    {
        // SNS alone capitalises EventSource; a lower-case one is not an SNS record.
        var json = "{\"Records\":[{\"eventSource\":\"aws:sns\"}]}";
        Assert.Equal(LambdaEventSource.Unknown, LambdaEventSources.Detect(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Detect_FirehoseWithMisspelledDeliveryStreamArn_IsFirehose()
    {
        var bytes = Fixtures.With("firehose", e =>
        {
            e.Remove("deliveryStreamArn");
            e["deliverySteamArn"] = "arn:aws:firehose:us-east-1:123456789012:deliverystream/example";
        });
        Assert.Equal(LambdaEventSource.Firehose, LambdaEventSources.Detect(bytes));
    }

    [Fact]
    public void Detect_RestProxyWithVersionField_IsStillRest()
    {
        // HTTP API payload 1.0 carries version "1.0"; it is the REST shape and is handled as such.
        var bytes = Fixtures.With("apigw-rest", e => e["version"] = "1.0");
        Assert.Equal(LambdaEventSource.ApiGatewayRest, LambdaEventSources.Detect(bytes));
    }

    [Fact]
    public void Detect_ScheduledDetailTypeFromAnotherSource_IsEventBridge()
    {
        var bytes = Fixtures.With("eventbridge-scheduled", e => e["source"] = "com.example.cron");
        Assert.Equal(LambdaEventSource.EventBridge, LambdaEventSources.Detect(bytes));
    }

    [Theory]
    [InlineData(LambdaEventSource.Sqs, EventSourceKind.Queue, "aws:sqs")]
    [InlineData(LambdaEventSource.AmazonMq, EventSourceKind.Queue, "aws:mq")]
    [InlineData(LambdaEventSource.Sns, EventSourceKind.PubSub, "aws:sns")]
    [InlineData(LambdaEventSource.EventBridge, EventSourceKind.PubSub, "eventbridge")]
    [InlineData(LambdaEventSource.ScheduledEvent, EventSourceKind.Schedule, "eventbridge-schedule")]
    [InlineData(LambdaEventSource.S3, EventSourceKind.Storage, "aws:s3")]
    [InlineData(LambdaEventSource.S3Batch, EventSourceKind.Storage, "s3-batch")]
    [InlineData(LambdaEventSource.S3ObjectLambda, EventSourceKind.Storage, "s3-object-lambda")]
    [InlineData(LambdaEventSource.Kinesis, EventSourceKind.Stream, "aws:kinesis")]
    [InlineData(LambdaEventSource.Firehose, EventSourceKind.Stream, "firehose")]
    [InlineData(LambdaEventSource.Kafka, EventSourceKind.Stream, "aws:kafka")]
    [InlineData(LambdaEventSource.CloudWatchLogs, EventSourceKind.Stream, "cloudwatch-logs")]
    [InlineData(LambdaEventSource.DynamoDbStreams, EventSourceKind.Database, "aws:dynamodb")]
    [InlineData(LambdaEventSource.ApiGatewayRest, EventSourceKind.Http, "apigw-rest")]
    [InlineData(LambdaEventSource.ApiGatewayHttp, EventSourceKind.Http, "apigw-http")]
    [InlineData(LambdaEventSource.ApiGatewayWebSocket, EventSourceKind.Http, "apigw-websocket")]
    [InlineData(LambdaEventSource.Alb, EventSourceKind.Http, "alb")]
    [InlineData(LambdaEventSource.FunctionUrl, EventSourceKind.Http, "function-url")]
    [InlineData(LambdaEventSource.VpcLattice, EventSourceKind.Http, "vpc-lattice")]
    [InlineData(LambdaEventSource.CognitoUserPool, EventSourceKind.Platform, "cognito-user-pool")]
    [InlineData(LambdaEventSource.CloudFormationCustomResource, EventSourceKind.Platform, "cloudformation-custom-resource")]
    [InlineData(LambdaEventSource.StepFunctions, EventSourceKind.Platform, "stepfunctions")]
    [InlineData(LambdaEventSource.Unknown, EventSourceKind.Custom, "unknown")]
    public void Describe_Source_HasItsFamilyAndName(LambdaEventSource source, EventSourceKind kind, string name)
    {
        Assert.Equal(new EventSourceInfo(kind, name), LambdaEventSources.Describe(source));
    }

    [Fact]
    public void Describe_EverySource_HasAUniqueLowerCaseName()
    {
        var names = Enum.GetValues<LambdaEventSource>().Select(s => LambdaEventSources.Describe(s).Name).ToList();
        Assert.All(names, n => Assert.Equal(n.ToLowerInvariant(), n));
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }
}
