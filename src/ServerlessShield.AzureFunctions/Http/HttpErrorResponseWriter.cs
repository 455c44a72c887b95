using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace ServerlessShield.AzureFunctions;

// Writes the shield's problem+json response as the function's HTTP result, replacing whatever the function set.
internal static class HttpErrorResponseWriter
{
    public static async ValueTask WriteAsync(FunctionContext functionContext, HttpRequestData request, ShieldErrorResponse error)
    {
        var response = request.CreateResponse();
        response.StatusCode = (HttpStatusCode)error.StatusCode;
        foreach (var (name, value) in error.Headers)
        {
            response.Headers.Remove(name);
            response.Headers.TryAddWithoutValidation(name, value);
        }

        await response.Body.WriteAsync(error.Body, CancellationToken.None).ConfigureAwait(false);
        HttpResponseBinding.Set(functionContext, response);
    }
}
