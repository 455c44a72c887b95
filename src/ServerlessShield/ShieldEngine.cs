using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ServerlessShield;

/// <summary>
/// The shield for one application: the pipeline, the per-function policies and the context pool. Adapters rent a
/// context, fill it from the platform's event, run it, translate the outcome back and return the context.
/// </summary>
public sealed class ShieldEngine : IDisposable
{
    private readonly ShieldContextPool _pool;
    private readonly ValueHasher _hasher;
    private int _invocations;
    private CapabilityReporter? _capabilityReporter;

    /// <summary>Creates an engine; used by dependency injection.</summary>
    /// <param name="options">The validated options.</param>
    /// <param name="loggerFactory">Where security events go.</param>
    /// <param name="pipelineConfigurations">User changes to the default pipeline, applied in order.</param>
    /// <param name="listeners">Extra receivers of every security event.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="snsCertificateFetcher">Fetches SNS signing certificates; null fetches over https.</param>
    public ShieldEngine(
        IOptions<ShieldOptions> options,
        ILoggerFactory? loggerFactory = null,
        IEnumerable<ShieldPipelineConfiguration>? pipelineConfigurations = null,
        IEnumerable<ISecurityEventListener>? listeners = null,
        TimeProvider? timeProvider = null,
        ISnsCertificateFetcher? snsCertificateFetcher = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        Policies = new ShieldPolicyResolver(options);
        LoggerFactory = loggerFactory;
        _hasher = new ValueHasher(settings.Telemetry.HashKey);
        ShowErrorDetails = ShieldEnvironment.AllowsErrorDetails(settings.Errors.DevelopmentMode);
        if (settings.Errors.DevelopmentMode && !ShowErrorDetails && loggerFactory is not null)
        {
            var rule = ShieldRules.DevelopmentModeRefused;
            ShieldLog.ConfigurationFinding(loggerFactory.CreateLogger(ShieldLog.CategoryName), rule.Id, rule.Name, rule.Severity,
                $"Errors:DevelopmentMode is on in the '{ShieldEnvironment.EnvironmentName}' environment{(ShieldEnvironment.IsCloud ? " in the cloud" : string.Empty)}; error details stay hidden. Turn it off outside local development.");
        }

        var builder = CreateDefaultPipeline(settings, loggerFactory, timeProvider, listeners, snsCertificateFetcher);
        foreach (var configure in pipelineConfigurations ?? [])
        {
            configure.Configure(builder);
        }

        Pipeline = builder.Build();
        _pool = ShieldContextPool.Shared;

        // Last, so a FailOnCritical stop leaves nothing half-built behind.
        Publisher = new SecurityEventPublisher(loggerFactory, listeners, timeProvider);
        var capabilities = new CapabilityRecorder();
        Egress = new EgressGuard(settings, Policies, Publisher, capabilities);
        Audit = new ShieldAuditor(settings, Publisher);
        Audit.Start();
        Inventory = new DependencyInventoryReporter(settings.Inventory, Publisher);
        Inventory.Start();
        _capabilityReporter = new CapabilityReporter(capabilities, Publisher, settings.Egress.CapabilityReportMinutes);
    }

    internal EgressGuard Egress { get; }

    internal DependencyInventoryReporter Inventory { get; }

    /// <summary>The cold-start configuration audit: its report, and the entry adapters call with the declared triggers.</summary>
    public ShieldAuditor Audit { get; }

    internal SecurityEventPublisher Publisher { get; }

    /// <summary>The pipeline every invocation runs through.</summary>
    public ShieldPipeline Pipeline { get; }

    /// <summary>The per-function policies.</summary>
    public ShieldPolicyResolver Policies { get; }

    /// <summary>The logger factory security events go to, if any.</summary>
    public ILoggerFactory? LoggerFactory { get; }

    /// <summary>Whether error responses carry the scrubbed exception: only in local development, never in the cloud.</summary>
    public bool ShowErrorDetails { get; }

    /// <summary>Creates an engine without dependency injection (a Lambda handler, the CLI, a test). Options are validated here.</summary>
    /// <param name="options">The options; null uses the defaults.</param>
    /// <param name="loggerFactory">Where security events go.</param>
    /// <param name="configurePipeline">Changes to the default pipeline.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>The engine.</returns>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    /// <exception cref="ShieldAuditException">The audit found a Critical finding and <see cref="ShieldAuditOptions.FailOnCritical"/> is on.</exception>
    public static ShieldEngine Create(
        ShieldOptions? options = null,
        ILoggerFactory? loggerFactory = null,
        Action<ShieldPipelineBuilder>? configurePipeline = null,
        TimeProvider? timeProvider = null)
    {
        options ??= new ShieldOptions();
        var result = new ShieldOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(ShieldOptions), result.Failures);
        }

        var configurations = configurePipeline is null ? null : new[] { new ShieldPipelineConfiguration(configurePipeline) };
        return new ShieldEngine(Options.Create(options), loggerFactory, configurations, listeners: null, timeProvider);
    }

    /// <summary>The default pipeline, outermost first: security telemetry, exception redaction, payload inspection, SNS signature and webhook signature verification.</summary>
    /// <param name="loggerFactory">Where security events go.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>A builder holding the default middlewares, open for more.</returns>
    public static ShieldPipelineBuilder CreateDefaultPipeline(ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null) =>
        CreateDefaultPipeline(new ShieldOptions(), loggerFactory, timeProvider, listeners: null, snsCertificateFetcher: null);

    // Authenticity runs after inspection: adapters that fill inputs inside the pipeline insert before inspection, and the
    // checks need those inputs. Both are no-ops for functions that have not opted in.
    private static ShieldPipelineBuilder CreateDefaultPipeline(ShieldOptions options, ILoggerFactory? loggerFactory, TimeProvider? timeProvider,
        IEnumerable<ISecurityEventListener>? listeners, ISnsCertificateFetcher? snsCertificateFetcher) =>
        new ShieldPipelineBuilder()
            .AddSecurityTelemetry(loggerFactory, timeProvider, options.Telemetry, listeners)
            .AddExceptionRedaction(options.Errors)
            .AddPayloadInspection()
            .Use(new SnsSignatureMiddleware(snsCertificateFetcher, timeProvider))
            .Use(new WebhookSignatureMiddleware(timeProvider));

    /// <summary>Rents a clean context for an invocation of a function.</summary>
    /// <param name="policy">The function's policy (from <see cref="Policies"/>).</param>
    /// <returns>The context; give it back with <see cref="Return"/>.</returns>
    public ShieldContext Rent(ShieldPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var context = _pool.Get();
        context.FunctionName = policy.FunctionName;
        context.Policy = policy;
        context.IsColdStart = Interlocked.Increment(ref _invocations) == 1;
        context.Hasher = _hasher;
        return context;
    }

    /// <summary>The generic error response for a blocked or failed HTTP invocation.</summary>
    /// <param name="context">The invocation.</param>
    /// <returns>The response to send.</returns>
    public ShieldErrorResponse CreateErrorResponse(ShieldContext context) => ShieldErrorResponse.From(context, ShowErrorDetails);

    /// <summary>Gives a context back; it is reset and reused.</summary>
    /// <param name="context">The context.</param>
    public void Return(ShieldContext context) => _pool.Return(context);

    /// <summary>Runs an invocation through the pipeline; the decision is in <see cref="ShieldContext.Outcome"/>.</summary>
    /// <param name="context">The invocation, with its handler set.</param>
    /// <returns>A task that completes when the pipeline has run.</returns>
    public ValueTask RunAsync(ShieldContext context)
    {
        var run = Pipeline.ExecuteAsync(context);
        if (run.IsCompletedSuccessfully)
        {
            RecordSource(context);
            return run;
        }

        return AwaitAndRecord(run, context);
    }

    /// <summary>Writes the last observed-capabilities report and stops its timer. Dependency injection calls it at shutdown.</summary>
    public void Dispose()
    {
        Interlocked.Exchange(ref _capabilityReporter, null)?.Dispose();
    }

    // Writes the observed-capabilities report now if something new was seen (the timer does this periodically).
    internal void ReportCapabilities() => _capabilityReporter?.Report(onlyIfChanged: true);

    // The source is known only after the pipeline ran: a Lambda event is detected inside it.
    private void RecordSource(ShieldContext context) => Egress.Capabilities.RecordSource(context.FunctionName, context.Source.Name);

    private async ValueTask AwaitAndRecord(ValueTask run, ShieldContext context)
    {
        await run.ConfigureAwait(false);
        RecordSource(context);
    }
}
