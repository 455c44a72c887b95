using Microsoft.Extensions.Logging;

namespace ServerlessShield;

/// <summary>Settings of <see cref="LambdaRuntimeHost"/>. Every one has a default taken from what Lambda sets.</summary>
public sealed class LambdaRuntimeHostOptions
{
    /// <summary>The Runtime API's <c>host:port</c>. Null: <c>AWS_LAMBDA_RUNTIME_API</c>, which Lambda sets.</summary>
    public string? RuntimeApi { get; set; }

    /// <summary>
    /// How many invocations run at once. Null: <c>AWS_LAMBDA_MAX_CONCURRENCY</c> (Lambda Managed Instances), else 1.
    /// Above 1, <c>_X_AMZN_TRACE_ID</c> is not set: it is one variable for the whole process.
    /// </summary>
    public int? MaxConcurrency { get; set; }

    /// <summary>Where the host reports handler failures it redacted and answers the Runtime API refused. Null: nowhere.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The clock for deadlines. Null: the system clock.</summary>
    public TimeProvider? TimeProvider { get; set; }
}
