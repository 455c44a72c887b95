using System.Net;
using System.Text.Json;

namespace ServerlessShield.AwsLambda;

// Answers a blocked or failed custom-resource invocation with Status FAILED on the event's ResponseURL, so the stack
// fails at once instead of waiting for the custom resource's timeout (an hour by default). The reason carries the
// rule code and correlation id only. Anyone who can invoke the function can write the ResponseURL: only an https URL
// on an AWS host (S3 pre-signed) is ever called, without redirects.
internal sealed class CloudFormationFailureResponse(Func<Uri, bool>? responseUrlCheck)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly Func<Uri, bool> _isAllowed = responseUrlCheck ?? IsAwsResponseUrl;
    // Created on first use and kept for the process, like the handler that owns it.
    private readonly Lazy<HttpClient> _http = new(() =>
        new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = System.Threading.Timeout.InfiniteTimeSpan });

    public static bool IsAwsResponseUrl(Uri url) =>
        url.IsAbsoluteUri && url.Scheme == Uri.UriSchemeHttps && url.IsDefaultPort && url.UserInfo.Length == 0
        && url.HostNameType == UriHostNameType.Dns
        && (url.Host.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase) || url.Host.EndsWith(".amazonaws.com.cn", StringComparison.OrdinalIgnoreCase));

    // The status CloudFormation's URL answered, or null when the URL was refused or could not be reached.
    public async Task<HttpStatusCode?> SendAsync(JsonElement root, string code, string correlationId, CancellationToken cancellationToken)
    {
        if (root.GetStringOrNull("ResponseURL") is not { } text || !Uri.TryCreate(text, UriKind.Absolute, out var url) || !_isAllowed(url))
        {
            return null;
        }

        using var content = new ByteArrayContent(Body(root, code, correlationId));
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = content };
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Timeout);
        try
        {
            using var response = await _http.Value.SendAsync(request, limit.Token).ConfigureAwait(false);
            return response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            return null;
        }
    }

    // The custom resource response: a Create that failed has no physical id yet, so the correlation id stands in
    // (CloudFormation sends it back on the rollback's Delete).
    private static byte[] Body(JsonElement root, string code, string correlationId)
    {
        using var buffer = new MemoryStream(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("Status", "FAILED");
            writer.WriteString("Reason", $"Rejected by ServerlessShield ({code}). Correlation id: {correlationId}.");
            writer.WriteString("PhysicalResourceId", root.GetStringOrNull("PhysicalResourceId") ?? correlationId);
            writer.WriteString("StackId", root.GetStringOrNull("StackId") ?? string.Empty);
            writer.WriteString("RequestId", root.GetStringOrNull("RequestId") ?? string.Empty);
            writer.WriteString("LogicalResourceId", root.GetStringOrNull("LogicalResourceId") ?? string.Empty);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
