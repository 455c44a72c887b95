using System.Text;

namespace ServerlessShield.AwsLambda.Tests.Support;

// What the pipeline saw of one invocation, copied by a middleware at the end of the pipeline (after inspection).
internal sealed record CapturedInvocation(
    EventSourceInfo Source,
    IReadOnlyList<ShieldInput> Inputs,
    HttpRequestParts? Http,
    ShieldPlatform Platform,
    string? RequestId,
    string? TraceId,
    bool IsColdStart,
    string FunctionName,
    IReadOnlyList<ShieldFinding> Findings)
{
    public string Text(string path) => Encoding.UTF8.GetString(Inputs.Single(i => i.Path == path).Data.Span);

    public static LambdaShieldOptions Capture(List<CapturedInvocation> into, LambdaShieldOptions? options = null)
    {
        options ??= new LambdaShieldOptions();
        var configure = options.ConfigurePipeline;
        options.ConfigurePipeline = pipeline =>
        {
            configure?.Invoke(pipeline);
            pipeline.Use((context, next) =>
            {
                lock (into)
                {
                    into.Add(new(context.Source, [.. context.Inputs], context.Http, context.Platform, context.PlatformRequestId,
                        context.TraceId, context.IsColdStart, context.FunctionName, [.. context.Findings]));
                }

                return next(context);
            }, "capture");
        };
        return options;
    }
}
