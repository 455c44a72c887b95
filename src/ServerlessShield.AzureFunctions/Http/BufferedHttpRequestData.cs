using System.Collections.Specialized;
using System.Security.Claims;
using Microsoft.Azure.Functions.Worker.Http;

namespace ServerlessShield.AzureFunctions;

// A request whose forward-only body the shield has read: everything comes from the original request except the body,
// which is replayed from memory.
internal sealed class BufferedHttpRequestData(HttpRequestData original, byte[] body) : HttpRequestData(original.FunctionContext), IDisposable
{
    private readonly MemoryStream _body = new(body, writable: false);

    public override Stream Body => _body;

    public override HttpHeadersCollection Headers => original.Headers;

    public override IReadOnlyCollection<IHttpCookie> Cookies => original.Cookies;

    public override Uri Url => original.Url;

    public override IEnumerable<ClaimsIdentity> Identities => original.Identities;

    public override string Method => original.Method;

    public override NameValueCollection Query => original.Query;

    public override HttpResponseData CreateResponse() => original.CreateResponse();

    public void Dispose() => _body.Dispose();
}
