using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace ServerlessShield.AwsLambda;

// The Runtime API calls (2018-06-01): GET next, POST response, POST error, POST init/error. BCL HttpClient only.
// GET next has no timeout: Lambda freezes the process between invocations and answers when the next one arrives.
internal sealed class RuntimeApiClient : IDisposable
{
    public const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";

    private readonly HttpClient _http;
    private readonly Uri _base;

    public RuntimeApiClient(string endpoint)
    {
        if (string.IsNullOrWhiteSpace(endpoint) || !Uri.TryCreate($"http://{endpoint}/2018-06-01/", UriKind.Absolute, out var baseUri)
            || baseUri.AbsolutePath != "/2018-06-01/")
        {
            throw new InvalidOperationException($"The Runtime API endpoint '{endpoint}' is not a host:port (AWS_LAMBDA_RUNTIME_API).");
        }

        _base = baseUri;
        // The Runtime API is local to the sandbox: never through a proxy, never redirected.
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public async Task<RuntimeApiInvocation> NextAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri(_base, "runtime/invocation/next"), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            // Lambda: a failed next is a container error the runtime cannot recover from; it must exit.
            throw new HttpRequestException($"The Runtime API answered {(int)response.StatusCode} to GET next.", null, response.StatusCode);
        }

        var requestId = Header(response, "Lambda-Runtime-Aws-Request-Id")
            ?? throw new HttpRequestException("The Runtime API sent an invocation without Lambda-Runtime-Aws-Request-Id.");
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new RuntimeApiInvocation(
            requestId,
            body,
            ParseDeadline(Header(response, "Lambda-Runtime-Deadline-Ms")),
            Header(response, "Lambda-Runtime-Invoked-Function-Arn"),
            Header(response, "Lambda-Runtime-Trace-Id"),
            Header(response, "Lambda-Runtime-Aws-Tenant-Id"));
    }

    public async Task<HttpStatusCode> PostResponseAsync(string requestId, Stream body, CancellationToken cancellationToken)
    {
        using var content = new StreamContent(body);
        return await PostAsync($"runtime/invocation/{Uri.EscapeDataString(requestId)}/response", content, cancellationToken).ConfigureAwait(false);
    }

    public Task<HttpStatusCode> PostErrorAsync(string requestId, RuntimeApiError error, CancellationToken cancellationToken) =>
        PostErrorDocumentAsync($"runtime/invocation/{Uri.EscapeDataString(requestId)}/error", error, cancellationToken);

    public Task<HttpStatusCode> PostInitErrorAsync(RuntimeApiError error, CancellationToken cancellationToken) =>
        PostErrorDocumentAsync("runtime/init/error", error, cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task<HttpStatusCode> PostErrorDocumentAsync(string path, RuntimeApiError error, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(error.ToJson());
        content.Headers.ContentType = new MediaTypeHeaderValue(RuntimeApiError.ContentType);
        return await PostAsync(path, content, cancellationToken, error.ErrorType).ConfigureAwait(false);
    }

    // 2xx and 4xx (an unknown request id, a response too large) are returned; a 5xx is a container error: exit.
    private async Task<HttpStatusCode> PostAsync(string path, HttpContent content, CancellationToken cancellationToken, string? errorType = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_base, path)) { Content = content };
        if (errorType is not null)
        {
            request.Headers.TryAddWithoutValidation(ErrorTypeHeader, errorType);
        }

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if ((int)response.StatusCode >= 500)
        {
            throw new HttpRequestException($"The Runtime API answered {(int)response.StatusCode} to POST {path}.", null, response.StatusCode);
        }

        return response.StatusCode;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static DateTimeOffset? ParseDeadline(string? milliseconds) =>
        long.TryParse(milliseconds, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
        && value <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
            ? DateTimeOffset.FromUnixTimeMilliseconds(value)
            : null;
}
