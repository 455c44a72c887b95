using Microsoft.Extensions.Logging;

namespace ServerlessShield;

/// <summary>Settings of one shielded Lambda handler. Read once, when the handler is wrapped.</summary>
public sealed class LambdaShieldOptions
{
    /// <summary>Lambda's own limit on a synchronous invocation payload: 6 MiB.</summary>
    public const int DefaultMaxEventBytes = 6 * 1024 * 1024;

    /// <summary>
    /// The global settings: profile, limits, rule modes and per-function entries (keyed by function name), as the
    /// <c>ServerlessShield</c> configuration section would give them. Wrapping a handler opts it in, so
    /// <see cref="ShieldOptions.RequireOptIn"/> does not apply; <c>Functions[name].Enabled = false</c> still opts out.
    /// </summary>
    public ShieldOptions Shield { get; set; } = new();

    /// <summary>The handler's own settings, as a <see cref="ShieldAttribute"/> would give them on a method. Null: none.</summary>
    public ShieldAttribute? Handler { get; set; }

    /// <summary>The event source, when the function has exactly one trigger; detection is then skipped. Null: detect per event.</summary>
    public LambdaEventSource? Source { get; set; }

    /// <summary>
    /// The sources the function accepts; an event from any other is a finding of
    /// <see cref="LambdaRules.UnexpectedEventSource"/> (<c>SHIELD5101</c>). Empty: any source. Direct invokes are
    /// <see cref="LambdaEventSource.Unknown"/>, so list it to keep accepting them.
    /// </summary>
    public ISet<LambdaEventSource> AllowedSources { get; } = new HashSet<LambdaEventSource>();

    /// <summary>
    /// The queues, streams, table streams, topics, buckets, clusters and brokers the function trusts, by ARN
    /// (SQS, Kinesis and DynamoDB <c>eventSourceARN</c>, SNS <c>TopicArn</c>, S3 bucket <c>arn</c>, Kafka and MQ
    /// <c>eventSourceArn</c>). A record from any other is a finding of <see cref="LambdaRules.UntrustedSourceArn"/>
    /// (<c>SHIELD5102</c>), which rejects that record only where the source has partial batch responses.
    /// Empty: no check.
    /// </summary>
    public ISet<string> AllowedSourceArns { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// The AWS accounts events may name: API Gateway REST and HTTP API and Function URL <c>requestContext.accountId</c>
    /// (the API's or function's owner) and EventBridge <c>account</c>. Another account is a finding of
    /// <see cref="LambdaRules.UntrustedOrigin"/> (<c>SHIELD5103</c>). Empty: no check.
    /// </summary>
    public ISet<string> AllowedAccounts { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// The API Gateway APIs (REST, HTTP, WebSocket) the function serves, by <c>requestContext.apiId</c>. A request
    /// naming another API is a finding of <see cref="LambdaRules.UntrustedOrigin"/> (<c>SHIELD5103</c>). Empty: no check.
    /// </summary>
    public ISet<string> AllowedApiIds { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// The EventBridge <c>source</c> values the function accepts (<c>aws.s3</c>, <c>com.example.orders</c>). An event
    /// from another is a finding of <see cref="LambdaRules.UntrustedOrigin"/> (<c>SHIELD5103</c>). Empty: no check.
    /// </summary>
    public ISet<string> AllowedEventBridgeSources { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// The largest event the shield reads, in bytes. A larger event is rejected before anything else runs.
    /// Default: <see cref="DefaultMaxEventBytes"/>, which Lambda itself enforces; lower it to refuse more.
    /// </summary>
    public int MaxEventBytes { get; set; } = DefaultMaxEventBytes;

    /// <summary>
    /// Whether rejected SQS, Kinesis and DynamoDB Streams records are reported in <c>batchItemFailures</c> (the event
    /// source mapping must have <c>ReportBatchItemFailures</c> on). False: a rejected record fails the whole batch, so
    /// nothing is lost when partial batch responses are off. Default: true.
    /// </summary>
    public bool ReportBatchItemFailures { get; set; } = true;

    /// <summary>
    /// Whether a blocked or failed CloudFormation custom-resource invocation is answered on the event's
    /// <c>ResponseURL</c> with <c>Status</c> <c>FAILED</c> (the reason names the rule code and correlation id only),
    /// after which the invocation completes normally so Lambda does not retry it. The stack then fails and rolls back
    /// at once. Only an https URL on an <c>amazonaws.com</c> host is called, without redirects. Default: false, and the
    /// failure is rethrown like any other: CloudFormation then waits for the custom resource's timeout
    /// (<c>ServiceTimeout</c>, one hour by default) unless the function answers by itself.
    /// </summary>
    public bool ReportCloudFormationFailures { get; set; }

    // Tests point the response at a loopback server; in production only AWS response URLs are called.
    internal Func<Uri, bool>? CloudFormationResponseUrlCheck { get; set; }

    /// <summary>
    /// The HTTP request headers whose values are inspected as text inputs (<c>headers.&lt;name&gt;</c>), compared
    /// case-insensitively, for API Gateway, ALB, Function URL and VPC Lattice events. Default: <c>User-Agent</c>,
    /// <c>Referer</c>, <c>X-Forwarded-For</c>, <c>X-Forwarded-Host</c>, <c>Origin</c>. Credentials
    /// (<c>Authorization</c>, API keys, names containing <c>token</c>, <c>secret</c>, <c>password</c>,
    /// <c>signature</c>, <c>-key</c> or <c>auth</c>) are never inspected, even when listed, so their values cannot reach
    /// telemetry even as hashes. See <see cref="HttpInputOptions"/>.
    /// </summary>
    public ISet<string> InspectedHeaders => Http.InspectedHeaders;

    /// <summary>
    /// Whether every custom <c>X-*</c> request header is inspected too, except credentials and the platform's own
    /// (<c>X-Amz-*</c>, <c>X-Amzn-*</c> such as <c>X-Amzn-Trace-Id</c>, <c>X-Forwarded-Proto</c>,
    /// <c>X-Forwarded-Port</c>). Default: true.
    /// </summary>
    public bool InspectCustomHeaders
    {
        get => Http.InspectCustomHeaders;
        set => Http.InspectCustomHeaders = value;
    }

    /// <summary>
    /// Whether each cookie value is inspected as a text input (<c>cookies.&lt;name&gt;</c>): the <c>Cookie</c> header,
    /// and the <c>cookies</c> array of HTTP API 2.0 and Function URL events. Default: true.
    /// </summary>
    public bool InspectCookies
    {
        get => Http.InspectCookies;
        set => Http.InspectCookies = value;
    }

    /// <summary>
    /// Whether the request path (<c>path</c>: <c>rawPath</c>, <c>path</c>, VPC Lattice's <c>raw_path</c> or Lambda@Edge's
    /// <c>uri</c>) is inspected as a text input when no API Gateway resource or route key matched it: behind an ALB, a
    /// Function URL, VPC Lattice, CloudFront or an HTTP API <c>$default</c> route the function routes by the raw path
    /// itself. (A matched route's caller part is its <c>pathParameters</c>, inspected as <c>route.&lt;name&gt;</c>.) It
    /// is read from its first segment on; the root path <c>/</c> is skipped. Default: true.
    /// </summary>
    public bool InspectPath
    {
        get => Http.InspectPath;
        set => Http.InspectPath = value;
    }

    // The settings the core's HttpRequestInputs reads, the same as the Azure Functions adapter's.
    internal HttpInputOptions Http { get; } = new();

    /// <summary>Where security events go. Null: nowhere.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Adds user middlewares to the default pipeline. Null: the default pipeline.</summary>
    public Action<ShieldPipelineBuilder>? ConfigurePipeline { get; set; }

    /// <summary>The clock. Null: the system clock.</summary>
    public TimeProvider? TimeProvider { get; set; }
}
