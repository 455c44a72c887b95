namespace ServerlessShield;

/// <summary>What the process can tell about where it runs, from the variables the platforms set.</summary>
public static class ShieldEnvironment
{
    /// <summary>Whether the process runs on a cloud platform (Azure App Service / Functions or AWS Lambda).</summary>
    public static bool IsCloud => IsCloudIn(Get);

    /// <summary>The environment name (Development, Staging, Production), from the Functions, .NET or ASP.NET Core variable.</summary>
    public static string EnvironmentName => EnvironmentNameIn(Get);

    /// <summary>The platform the process runs on, from the variables the platforms set.</summary>
    public static ShieldPlatform Platform =>
        Has("AWS_LAMBDA_FUNCTION_NAME") ? ShieldPlatform.AwsLambda
        : Has("FUNCTIONS_WORKER_RUNTIME") || Has("WEBSITE_SITE_NAME") ? ShieldPlatform.AzureFunctions
        : ShieldPlatform.Local;

    internal static bool IsCloudIn(Func<string, string?> get)
    {
        bool Set(string name) => !string.IsNullOrEmpty(get(name));
        return Set("WEBSITE_INSTANCE_ID") || Set("WEBSITE_SITE_NAME") || Set("CONTAINER_NAME") && Set("FUNCTIONS_WORKER_RUNTIME")
            || Set("AWS_LAMBDA_FUNCTION_NAME") || Set("AWS_EXECUTION_ENV");
    }

    internal static string EnvironmentNameIn(Func<string, string?> get)
    {
        string? Value(string name) => get(name) is { Length: > 0 } value ? value : null;
        return Value("AZURE_FUNCTIONS_ENVIRONMENT") ?? Value("DOTNET_ENVIRONMENT") ?? Value("ASPNETCORE_ENVIRONMENT") ?? "Production";
    }

    /// <summary>Whether the environment is Development.</summary>
    public static bool IsDevelopment => string.Equals(EnvironmentName, "Development", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether error details may be shown: asked for, in Development, and not in the cloud.</summary>
    /// <param name="requested">Whether <see cref="ShieldErrorOptions.DevelopmentMode"/> is on.</param>
    /// <returns>Whether details are shown.</returns>
    public static bool AllowsErrorDetails(bool requested) => requested && IsDevelopment && !IsCloud;

    private static bool Has(string name) => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name));

    private static string? Get(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
