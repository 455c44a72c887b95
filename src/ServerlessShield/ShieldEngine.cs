using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ServerlessShield;

/// <summary>
/// The shield for one application: the pipeline, the per-function policies and the context pool. Adapters rent a
/// context, fill it from the platform's event, run it, translate the outcome back and return the context.
/// </summary>
public sealed class ShieldEngine
{
    private readonly ShieldContextPool _pool;
    private int _invocations;

    /// <summary>Creates an engine; used by dependency injection.</summary>
    /// <param name="options">The validated options.</param>
    /// <param name="loggerFactory">Where security events go.</param>
    /// <param name="pipelineConfigurations">User changes to the default pipeline, applied in order.</param>
    /// <param name="timeProvider">The clock.</param>
    public ShieldEngine(
        IOptions<ShieldOptions> options,
        ILoggerFactory? loggerFactory = null,
        IEnumerable<ShieldPipelineConfiguration>? pipelineConfigurations = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Policies = new ShieldPolicyResolver(options);
        LoggerFactory = loggerFactory;
        var builder = CreateDefaultPipeline(loggerFactory, timeProvider);
        foreach (var configure in pipelineConfigurations ?? [])
        {
            configure.Configure(builder);
        }

        Pipeline = builder.Build();
        _pool = ShieldContextPool.Shared;
    }

    /// <summary>The pipeline every invocation runs through.</summary>
    public ShieldPipeline Pipeline { get; }

    /// <summary>The per-function policies.</summary>
    public ShieldPolicyResolver Policies { get; }

    /// <summary>The logger factory security events go to, if any.</summary>
    public ILoggerFactory? LoggerFactory { get; }

    /// <summary>Creates an engine without dependency injection (a Lambda handler, the CLI, a test). Options are validated here.</summary>
    /// <param name="options">The options; null uses the defaults.</param>
    /// <param name="loggerFactory">Where security events go.</param>
    /// <param name="configurePipeline">Changes to the default pipeline.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>The engine.</returns>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
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
        return new ShieldEngine(Options.Create(options), loggerFactory, configurations, timeProvider);
    }

    /// <summary>The default pipeline, outermost first: security telemetry, exception redaction, payload inspection.</summary>
    /// <param name="loggerFactory">Where security events go.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>A builder holding the default middlewares, open for more.</returns>
    public static ShieldPipelineBuilder CreateDefaultPipeline(ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null) =>
        new ShieldPipelineBuilder()
            .AddSecurityTelemetry(loggerFactory, timeProvider)
            .AddExceptionRedaction()
            .AddPayloadInspection();

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
        return context;
    }

    /// <summary>Gives a context back; it is reset and reused.</summary>
    /// <param name="context">The context.</param>
    public void Return(ShieldContext context) => _pool.Return(context);

    /// <summary>Runs an invocation through the pipeline; the decision is in <see cref="ShieldContext.Outcome"/>.</summary>
    /// <param name="context">The invocation, with its handler set.</param>
    /// <returns>A task that completes when the pipeline has run.</returns>
    public ValueTask RunAsync(ShieldContext context) => Pipeline.ExecuteAsync(context);
}
