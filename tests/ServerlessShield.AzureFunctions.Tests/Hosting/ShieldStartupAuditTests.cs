using System.Collections.Immutable;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;
using Microsoft.Extensions.DependencyInjection;
using ServerlessShield.AzureFunctions;

namespace ServerlessShield.AzureFunctions.Tests.Hosting;

public class ShieldStartupAuditTests
{
    [Fact]
    public async Task StartAsync_AnonymousHttpFunctionInTheWorkerMetadata_ReportedUnlessAllowed()
    {
        var services = new ServiceCollection();
        services.AddServerlessShield(o => o.Audit.AllowAnonymousFunctions.Add("Health"));
        services.AddSingleton<IFunctionMetadataProvider>(new Provider(
            new DefaultFunctionMetadata { Name = "Open", RawBindings = ["""{"name":"req","type":"httpTrigger","direction":"In","authLevel":"Anonymous"}"""] },
            new DefaultFunctionMetadata { Name = "Health", RawBindings = ["""{"name":"req","type":"httpTrigger","direction":"In","authLevel":"Anonymous"}"""] }));
        await using var provider = services.BuildServiceProvider();

        await new ShieldStartupAudit(provider).StartAsync(CancellationToken.None);

        var finding = Assert.Single(provider.GetRequiredService<ShieldEngine>().Audit.Report.Findings, f => f.Rule == ShieldRules.AnonymousHttpFunction);
        Assert.Equal("Open", finding.Subject);
    }

    [Fact]
    public async Task StartAsync_MetadataProviderFails_WorkerStillStarts()
    {
        var services = new ServiceCollection();
        services.AddServerlessShield();
        services.AddSingleton<IFunctionMetadataProvider>(new Provider(null));
        await using var provider = services.BuildServiceProvider();

        await new ShieldStartupAudit(provider).StartAsync(CancellationToken.None);

        Assert.DoesNotContain(provider.GetRequiredService<ShieldEngine>().Audit.Report.Findings, f => f.Rule == ShieldRules.AnonymousHttpFunction);
    }

    private sealed class Provider(params IFunctionMetadata[]? functions) : IFunctionMetadataProvider
    {
        public Task<ImmutableArray<IFunctionMetadata>> GetFunctionMetadataAsync(string directory) =>
            functions is null ? Task.FromException<ImmutableArray<IFunctionMetadata>>(new IOException("no functions.metadata")) : Task.FromResult(functions.ToImmutableArray());
    }
}
