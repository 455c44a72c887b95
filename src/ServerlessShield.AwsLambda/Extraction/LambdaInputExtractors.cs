namespace ServerlessShield.AwsLambda;

// One extractor per source family, built once per wrapped handler: the HTTP ones read the handler's header and cookie
// settings. A source without its own extractor yet is inspected whole, as one JSON input.
internal sealed class LambdaInputExtractors(HttpRequestInputs httpInputs)
{
    private static readonly ILambdaInputExtractor Sqs = new SqsInputExtractor();
    private static readonly ILambdaInputExtractor StreamRecords = new StreamRecordInputExtractor();
    private static readonly ILambdaInputExtractor Notifications = new NotificationInputExtractor();
    private static readonly ILambdaInputExtractor EncodedMessages = new EncodedMessageInputExtractor();
    private static readonly ILambdaInputExtractor Firehose = new FirehoseInputExtractor();
    private static readonly ILambdaInputExtractor CloudWatchLogs = new CloudWatchLogsInputExtractor();
    private static readonly ILambdaInputExtractor CloudFormation = new CloudFormationInputExtractor();
    private static readonly ILambdaInputExtractor WholeEvent = new WholeEventInputExtractor();

    private readonly ILambdaInputExtractor _proxyV1 = new ProxyV1InputExtractor(httpInputs);
    private readonly ILambdaInputExtractor _proxyV2 = new ProxyV2InputExtractor(httpInputs);
    private readonly ILambdaInputExtractor _vpcLattice = new VpcLatticeInputExtractor(httpInputs);
    private readonly ILambdaInputExtractor _cloudFront = new CloudFrontInputExtractor(httpInputs);
    private readonly ILambdaInputExtractor _appSyncResolver = new AppSyncResolverInputExtractor(httpInputs);

    public ILambdaInputExtractor For(LambdaEventSource source, bool parsed) => !parsed ? WholeEvent : source switch
    {
        LambdaEventSource.ApiGatewayRest or LambdaEventSource.Alb or LambdaEventSource.ApiGatewayWebSocket => _proxyV1,
        LambdaEventSource.ApiGatewayHttp or LambdaEventSource.FunctionUrl => _proxyV2,
        LambdaEventSource.VpcLattice => _vpcLattice,
        LambdaEventSource.CloudFrontEdge => _cloudFront,
        LambdaEventSource.Sqs => Sqs,
        LambdaEventSource.Kinesis or LambdaEventSource.DynamoDbStreams => StreamRecords,
        LambdaEventSource.Sns or LambdaEventSource.S3 or LambdaEventSource.EventBridge or LambdaEventSource.ScheduledEvent => Notifications,
        LambdaEventSource.Kafka or LambdaEventSource.AmazonMq => EncodedMessages,
        LambdaEventSource.Firehose => Firehose,
        LambdaEventSource.CloudWatchLogs => CloudWatchLogs,
        LambdaEventSource.CloudFormationCustomResource => CloudFormation,
        LambdaEventSource.AppSyncResolver => _appSyncResolver,
        _ => WholeEvent,
    };
}
