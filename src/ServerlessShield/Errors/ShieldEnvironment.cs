namespace ServerlessShield;

/// <summary>What the process can tell about where it runs, from the variables the platforms set.</summary>
public static class ShieldEnvironment
{
    /// <summary>Whether the process runs on a cloud platform (Azure App Service / Functions or AWS Lambda).</summary>
    public static bool IsCloud =>
        Has("WEBSITE_INSTANCE_ID") || Has("WEBSITE_SITE_NAME") || Has("CONTAINER_NAME") && Has("FUNCTIONS_WORKER_RUNTIME")
        || Has("AWS_LAMBDA_FUNCTION_NAME") || Has("AWS_EXECUTION_ENV");

    /// <summary>The environment name (Development, Staging, Production), from the Functions, .NET or ASP.NET Core variable.</summary>
    public static string EnvironmentName =>
        Get("AZURE_FUNCTIONS_ENVIRONMENT") ?? Get("DOTNET_ENVIRONMENT") ?? Get("ASPNETCORE_ENVIRONMENT") ?? "Production";

    /// <summary>Whether the environment is Development.</summary>
    public static bool IsDevelopment => string.Equals(EnvironmentName, "Development", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether error details may be shown: asked for, in Development, and not in the cloud.</summary>
    /// <param name="requested">Whether <see cref="ShieldErrorOptions.DevelopmentMode"/> is on.</param>
    /// <returns>Whether details are shown.</returns>
    public static bool AllowsErrorDetails(bool requested) => requested && IsDevelopment && !IsCloud;

    private static bool Has(string name) => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name));

    private static string? Get(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
