namespace ServerlessShield.AwsLambda;

// One extractor per source family. A source without its own extractor yet is inspected whole, as one JSON input.
internal static class LambdaInputExtractors
{
    private static readonly ILambdaInputExtractor ProxyV1 = new ProxyV1InputExtractor();
    private static readonly ILambdaInputExtractor ProxyV2 = new ProxyV2InputExtractor();
    private static readonly ILambdaInputExtractor VpcLattice = new VpcLatticeInputExtractor();
    private static readonly ILambdaInputExtractor Sqs = new SqsInputExtractor();
    private static readonly ILambdaInputExtractor StreamRecords = new StreamRecordInputExtractor();
    private static readonly ILambdaInputExtractor Notifications = new NotificationInputExtractor();
    private static readonly ILambdaInputExtractor EncodedMessages = new EncodedMessageInputExtractor();
    private static readonly ILambdaInputExtractor Firehose = new FirehoseInputExtractor();
    private static readonly ILambdaInputExtractor CloudWatchLogs = new CloudWatchLogsInputExtractor();
    private static readonly ILambdaInputExtractor CloudFormation = new CloudFormationInputExtractor();
    private static readonly ILambdaInputExtractor WholeEvent = new WholeEventInputExtractor();

    public static ILambdaInputExtractor For(LambdaEventSource source, bool parsed) => !parsed ? WholeEvent : source switch
    {
        LambdaEventSource.ApiGatewayRest or LambdaEventSource.Alb or LambdaEventSource.ApiGatewayWebSocket => ProxyV1,
        LambdaEventSource.ApiGatewayHttp or LambdaEventSource.FunctionUrl => ProxyV2,
        LambdaEventSource.VpcLattice => VpcLattice,
        LambdaEventSource.Sqs => Sqs,
        LambdaEventSource.Kinesis or LambdaEventSource.DynamoDbStreams => StreamRecords,
        LambdaEventSource.Sns or LambdaEventSource.S3 or LambdaEventSource.EventBridge or LambdaEventSource.ScheduledEvent => Notifications,
        LambdaEventSource.Kafka or LambdaEventSource.AmazonMq => EncodedMessages,
        LambdaEventSource.Firehose => Firehose,
        LambdaEventSource.CloudWatchLogs => CloudWatchLogs,
        LambdaEventSource.CloudFormationCustomResource => CloudFormation,
        _ => WholeEvent,
    };
}
