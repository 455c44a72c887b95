using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace ServerlessShield.AzureFunctions.TestApp;

public static class HttpFunctions
{
    public const string Secret = "Password=Hunter2-TopSecret";

    [Function("Echo")]
    [Shield(MaxPayloadBytes = 64)]
    public static async Task<HttpResponseData> Echo([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post")] HttpRequestData req)
    {
        var body = await req.ReadAsStringAsync() ?? string.Empty;
        var response = req.CreateResponse(HttpStatusCode.OK);
        await response.WriteStringAsync("echo:" + body);
        return response;
    }

    [Function("GetOrder")]
    [Shield]
    public static async Task<HttpResponseData> GetOrder([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orders/{id}/{*rest}")] HttpRequestData req, string id)
    {
        var response = req.CreateResponse(HttpStatusCode.OK);
        await response.WriteStringAsync("order:" + id);
        return response;
    }

    [Function("Boom")]
    [Shield]
    public static HttpResponseData Boom([HttpTrigger(AuthorizationLevel.Anonymous, "post")] HttpRequestData req) =>
        throw new InvalidOperationException("Could not connect: " + Secret);

    [Function("UnshieldedBoom")]
    public static HttpResponseData UnshieldedBoom([HttpTrigger(AuthorizationLevel.Anonymous, "post")] HttpRequestData req) =>
        throw new InvalidOperationException("Could not connect: " + Secret);

    [Function("MultiOutput")]
    [Shield(MaxPayloadBytes = 64)]
    public static async Task<MultiOutputResult> MultiOutput([HttpTrigger(AuthorizationLevel.Anonymous, "post")] HttpRequestData req)
    {
        var body = await req.ReadAsStringAsync() ?? string.Empty;
        if (body == "fail")
        {
            throw new InvalidOperationException("Could not connect: " + Secret);
        }

        var response = req.CreateResponse(HttpStatusCode.OK);
        await response.WriteStringAsync("multi:" + body);
        return new MultiOutputResult { Message = body, Http = response };
    }
}

public sealed class MultiOutputResult
{
    [QueueOutput("out-queue")]
    public string? Message { get; set; }

    [HttpResult]
    public required HttpResponseData Http { get; set; }
}
