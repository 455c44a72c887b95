using Google.Protobuf;
using ServerlessShield.AzureFunctions.Tests.FakeHost;
using ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc;
using Status = ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc.StatusResult.Types.Status;

namespace ServerlessShield.AzureFunctions.Tests.Pipeline;

/// <summary>blobTrigger: content delivered as bytes and SDK-type references, which carry no content.</summary>
public sealed class BlobTriggerTests(SyntheticWorkerFixture worker) : IClassFixture<SyntheticWorkerFixture>
{
    [Fact]
    public async Task Bytes_Allowed_RunsTheFunction()
    {
        var response = await InvokeAsync(nameof(SyntheticFunctions.OnBlobBytes), Data.Bytes("invoice 42"), "invoices/42.txt");

        Assert.Equal(Status.Success, response.Result.Status);
        Assert.Contains("blob-bytes:10", SyntheticFunctions.Received);
    }

    [Fact]
    public async Task Bytes_MaliciousContent_FailsWithTheInjectionRule()
    {
        var response = await InvokeAsync(nameof(SyntheticFunctions.OnBlobBytes), Data.Bytes("<script>alert(1)</script>"), "invoices/evil.html");

        Assert.Equal(Status.Failure, response.Result.Status);
        Assert.Contains("SHIELD1003", response.Result.Exception.Message, StringComparison.Ordinal);
    }

    // An image is not UTF-8 and not an attack: the canonical blob-trigger function (a thumbnailer) must run.
    [Fact]
    public async Task Bytes_BinaryImage_RunsTheFunction()
    {
        var image = new byte[64 * 1024];
        new Random(8).NextBytes(image);
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        signature.CopyTo(image, 0);
        var content = new TypedData { Bytes = ByteString.CopyFrom(image) };

        var response = await InvokeAsync(nameof(SyntheticFunctions.OnImageBlob), content, "images/cat.png");

        Assert.True(Status.Success == response.Result.Status, response.Result.Exception?.Message);
        Assert.Contains("image-blob:65536", SyntheticFunctions.Received);
    }

    // A text blob saved as UTF-16 (Notepad's "Unicode", PowerShell's Out-File) is read by the function through its
    // byte order mark: its content is inspected as that text, both ways.
    [Fact]
    public async Task Bytes_Utf16Text_IsInspectedAsItsText()
    {
        static TypedData Utf16(string text) => new() { Bytes = ByteString.CopyFrom([.. System.Text.Encoding.Unicode.GetPreamble(), .. System.Text.Encoding.Unicode.GetBytes(text)]) };

        var clean = await InvokeAsync(nameof(SyntheticFunctions.OnImageBlob), Utf16("Quarterly report, draft 2"), "reports/q3.txt");
        var attack = await InvokeAsync(nameof(SyntheticFunctions.OnImageBlob), Utf16("<script>alert(document.cookie)</script>"), "reports/q4.txt");

        Assert.True(Status.Success == clean.Result.Status, clean.Result.Exception?.Message);
        Assert.Equal(Status.Failure, attack.Result.Status);
        Assert.Contains("SHIELD1003", attack.Result.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SdkReference_BenignName_RunsTheFunction()
    {
        var response = await InvokeAsync(nameof(SyntheticFunctions.OnBlobReference), Reference(), "invoices/2026/42.pdf");

        Assert.Equal(Status.Success, response.Result.Status);
        Assert.Contains("blob-reference:AzureStorageBlobs", SyntheticFunctions.Received);
    }

    [Fact]
    public async Task SdkReference_TraversalInTheBlobName_FailsOnTheNameFromBindingData()
    {
        var response = await InvokeAsync(nameof(SyntheticFunctions.OnBlobReference), Reference(), "invoices/../../../etc/passwd");

        Assert.Equal(Status.Failure, response.Result.Status);
        Assert.Contains("SHIELD1005", response.Result.Exception.Message, StringComparison.Ordinal);
        Assert.Contains(SecurityEventLog.Of(response.InvocationId), e => e.FieldPath == "blob.blobTrigger");
    }

    // The uploader sets the blob's metadata (x-ms-meta-*), and functions read it: an original file name, a tag.
    [Theory]
    [InlineData("{\"uploadedBy\":\"alice@example.com\",\"originalName\":\"Q3 report (final).pdf\"}", true, null)]
    [InlineData("{\"uploadedBy\":\"alice@example.com\",\"originalName\":\"../../../home/site/wwwroot/host.json\"}", false, "content.metadata.originalName")]
    public async Task Bytes_UserDefinedMetadata_IsInspected(string metadata, bool allowed, string? fieldPath)
    {
        var response = await InvokeAsync(nameof(SyntheticFunctions.OnImageBlob), Data.Bytes("invoice 42"), "invoices/42.txt", metadata);

        Assert.Equal(allowed ? Status.Success : Status.Failure, response.Result.Status);
        Assert.Equal(fieldPath, SecurityEventLog.Of(response.InvocationId).SingleOrDefault()?.FieldPath);
    }

    // The uploader sets the content headers too (x-ms-blob-content-*): a Content-Disposition file name is what functions
    // save a copy under. The service's own properties (ETag, dates, lease state) are not the uploader's and are not read.
    [Theory]
    [InlineData("attachment; filename=\"Q3 report.pdf\"", true, null)]
    [InlineData("attachment; filename=\"../../../home/site/wwwroot/host.json\"", false, "content.properties.ContentDisposition")]
    public async Task Bytes_UploaderSetContentHeaders_AreInspected(string disposition, bool allowed, string? fieldPath)
    {
        var properties = "{\"ETag\":\"\\\"0x8DC5E2A1\\\"\",\"LastModified\":\"2026-11-29T10:00:00+00:00\",\"LeaseState\":\"available\","
            + "\"ContentType\":\"application/pdf\",\"ContentDisposition\":" + System.Text.Json.JsonSerializer.Serialize(disposition) + "}";

        var response = await InvokeAsync(nameof(SyntheticFunctions.OnImageBlob), Data.Bytes("invoice 42"), "invoices/42.txt", properties: properties);

        Assert.Equal(allowed ? Status.Success : Status.Failure, response.Result.Status);
        Assert.Equal(fieldPath, SecurityEventLog.Of(response.InvocationId).SingleOrDefault()?.FieldPath);
    }

    // What the host sends for a BlobClient parameter: a reference to the blob, never its content.
    private static TypedData Reference() => new()
    {
        ModelBindingData = new ModelBindingData
        {
            Version = "1.0",
            Source = "AzureStorageBlobs",
            ContentType = "application/json",
            Content = ByteString.CopyFromUtf8("{\"Connection\":\"Storage\",\"ContainerName\":\"invoices\",\"BlobName\":\"42.pdf\"}"),
        },
    };

    private Task<InvocationResponse> InvokeAsync(string function, TypedData content, string blobPath, string? metadata = null, string? properties = null)
    {
        var binding = function == nameof(SyntheticFunctions.OnBlobReference) ? "blob" : "content";
        var bindingData = new Dictionary<string, TypedData>
        {
            ["BlobTrigger"] = Data.String(blobPath),
            ["Uri"] = Data.Json("\"https://account.blob.core.windows.net/" + blobPath + "\""),
        };
        if (metadata is not null)
        {
            bindingData["Metadata"] = Data.Json(metadata);
        }

        if (properties is not null)
        {
            bindingData["Properties"] = Data.Json(properties);
        }

        return worker.InvokeAsync(function, binding, content, bindingData);
    }
}
