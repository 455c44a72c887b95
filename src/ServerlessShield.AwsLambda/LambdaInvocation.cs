namespace ServerlessShield;

/// <summary>
/// What the shield needs to know about one Lambda invocation, taken from the host's context object by the
/// <c>describe</c> delegate given to <see cref="LambdaShield.Wrap{TContext}"/>. The names follow <c>ILambdaContext</c>,
/// so the mapping reads <c>c =&gt; new(c.AwsRequestId, c.FunctionName, c.InvokedFunctionArn, c.RemainingTime)</c>.
/// </summary>
/// <param name="AwsRequestId">The request id; it becomes the correlation id of responses, errors and security events.</param>
/// <param name="FunctionName">The function name, which selects the policy. Null: <c>AWS_LAMBDA_FUNCTION_NAME</c>.</param>
/// <param name="InvokedFunctionArn">The ARN the function was invoked with (it names the alias or version).</param>
/// <param name="RemainingTime">Time left before Lambda stops the invocation; the shield's cancellation fires then.</param>
/// <param name="TraceId">The X-Ray trace id. Null: <c>_X_AMZN_TRACE_ID</c>, which RuntimeSupport sets per invocation outside multi-concurrency mode.</param>
public readonly record struct LambdaInvocation(
    string? AwsRequestId,
    string? FunctionName = null,
    string? InvokedFunctionArn = null,
    TimeSpan? RemainingTime = null,
    string? TraceId = null);
