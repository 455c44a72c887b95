namespace ServerlessShield.AwsLambda.Tests.Support;

// Stands in for Amazon.Lambda.Core's ILambdaContext, which the mirror does not serve: same member names.
internal sealed record TestLambdaContext(string AwsRequestId, string FunctionName, string InvokedFunctionArn, TimeSpan RemainingTime)
{
    public static TestLambdaContext Create(string requestId = "req-0001", string functionName = "orders") =>
        new(requestId, functionName, $"arn:aws:lambda:us-east-1:123456789012:function:{functionName}", TimeSpan.FromMinutes(5));

    public static LambdaInvocation Describe(TestLambdaContext c) => new(c.AwsRequestId, c.FunctionName, c.InvokedFunctionArn, c.RemainingTime);
}
