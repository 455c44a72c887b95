namespace LambdaFunction;

// Stands in for Amazon.Lambda.Core's ILambdaContext (same member names), which a real function project references.
// With the real package, write Wrap<ILambdaContext>(...) and the same describe lambda.
public sealed record SampleLambdaContext(string AwsRequestId, string FunctionName, string InvokedFunctionArn, TimeSpan RemainingTime);
