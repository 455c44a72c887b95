namespace ServerlessShield;

/// <summary>
/// One invocation as the Runtime API announced it, handed to the handler by <see cref="LambdaRuntimeHost"/>. The
/// member names follow <c>ILambdaContext</c>, so the describe delegate of <see cref="LambdaShield.Wrap{TContext}"/> is
/// the same as with RuntimeSupport, or simply <c>c =&gt; c.ToInvocation()</c>.
/// </summary>
public sealed class LambdaRuntimeContext
{
    /// <summary>The request id (<c>Lambda-Runtime-Aws-Request-Id</c>).</summary>
    public required string AwsRequestId { get; init; }

    /// <summary>The function's name (<c>AWS_LAMBDA_FUNCTION_NAME</c>); empty when the variable is not set.</summary>
    public string FunctionName { get; init; } = string.Empty;

    /// <summary>The ARN the function was invoked with, which names the alias or version (<c>Lambda-Runtime-Invoked-Function-Arn</c>).</summary>
    public string? InvokedFunctionArn { get; init; }

    /// <summary>The X-Ray trace header (<c>Lambda-Runtime-Trace-Id</c>).</summary>
    public string? TraceId { get; init; }

    /// <summary>The tenant of a tenant-isolated function (<c>Lambda-Runtime-Aws-Tenant-Id</c>).</summary>
    public string? TenantId { get; init; }

    /// <summary>When Lambda stops the invocation (<c>Lambda-Runtime-Deadline-Ms</c>); null when the Runtime API sent none.</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>
    /// Time left before <see cref="Deadline"/>, never negative; <see cref="Timeout.InfiniteTimeSpan"/> when there is no
    /// deadline.
    /// </summary>
    public TimeSpan RemainingTime => Deadline is { } deadline
        ? TimeSpan.FromTicks(Math.Max(0, (deadline - Clock.GetUtcNow()).Ticks))
        : Timeout.InfiniteTimeSpan;

    /// <summary>Cancelled at the deadline and when the host stops.</summary>
    public CancellationToken CancellationToken { get; init; }

    // The host's clock, so RemainingTime agrees with the cancellation's timer.
    internal TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>What the shield needs of this invocation, for <see cref="LambdaShield.Wrap{TContext}"/>.</summary>
    /// <returns>The request id, function name, ARN, remaining time (when there is a deadline) and trace id.</returns>
    public LambdaInvocation ToInvocation() =>
        new(AwsRequestId, FunctionName.Length > 0 ? FunctionName : null, InvokedFunctionArn, Deadline is null ? null : RemainingTime, TraceId);
}
