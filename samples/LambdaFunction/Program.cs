using LambdaFunction;

// Local runner: feeds an event file to the shielded handler and prints the response.
// Usage: dotnet run --project samples/LambdaFunction -- [event.json]
var path = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "events", "apigw-rest.json");
await using var input = File.OpenRead(path);
var context = new SampleLambdaContext(Guid.NewGuid().ToString(), "sample-function", "arn:aws:lambda:us-east-1:123456789012:function:sample-function", TimeSpan.FromSeconds(30));
try
{
    using var response = await new Function().Handle(input, context);
    using var reader = new StreamReader(response);
    Console.WriteLine(await reader.ReadToEndAsync());
}
catch (ServerlessShield.ShieldedInvocationException ex)
{
    // What Lambda would report: a code and a correlation id, nothing else.
    Console.WriteLine(ex.Message);
    return 1;
}

return 0;
