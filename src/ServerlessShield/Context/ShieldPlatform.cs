namespace ServerlessShield;

/// <summary>The serverless platform an invocation runs on.</summary>
public enum ShieldPlatform
{
    /// <summary>Not a cloud platform: a test, the CLI or a custom host.</summary>
    Local = 0,

    /// <summary>Azure Functions (isolated worker).</summary>
    AzureFunctions,

    /// <summary>AWS Lambda.</summary>
    AwsLambda,
}
