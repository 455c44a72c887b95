using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ServerlessShield.AzureFunctions;

// Builds the engine when the worker starts rather than on the first invocation, so the cold-start audit runs off the
// invocation path and FailOnCritical stops the host with a clear exception; then hands the declared triggers
// (authLevel of HTTP functions) to the audit.
internal sealed class ShieldStartupAudit(IServiceProvider services, ILoggerFactory? loggerFactory = null) : IHostedService
{
    private readonly ILogger _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("ServerlessShield.AzureFunctions");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Resolving the audit builds the engine: the cold-start audit runs now, and FailOnCritical stops the host here.
        var audit = services.GetRequiredService<IFunctionAudit>();
        if (services.GetService<IFunctionMetadataProvider>() is not { } provider)
        {
            return;
        }

        try
        {
            var metadata = await provider.GetFunctionMetadataAsync(AppContext.BaseDirectory).ConfigureAwait(false);
            audit.AuditFunctions([.. FunctionEndpointReader.Read(metadata)]);
        }
#pragma warning disable CA1031 // Missing or unreadable metadata must not stop the worker; the audit only loses one check.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            AzureFunctionsLog.FunctionMetadataUnavailable(_logger, ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
