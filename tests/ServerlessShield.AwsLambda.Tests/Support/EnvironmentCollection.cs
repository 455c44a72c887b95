namespace ServerlessShield.AwsLambda.Tests.Support;

// Tests that change process-wide environment variables (AWS_LAMBDA_*, _X_AMZN_TRACE_ID, DOTNET_ENVIRONMENT) run
// alone, so no other test reads a value they set.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "Environment";
}
