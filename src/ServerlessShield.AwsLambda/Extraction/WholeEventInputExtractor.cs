namespace ServerlessShield.AwsLambda;

// Fallback for sources without their own extractor, and for direct invokes: the whole event is the input.
internal sealed class WholeEventInputExtractor : ILambdaInputExtractor
{
    public const string Path = "event";

    public void Extract(LambdaEvent lambdaEvent, ShieldContext context) =>
        context.Add(lambdaEvent, new ShieldInput(Path, lambdaEvent.Bytes, lambdaEvent.Document is null ? InputFormat.Auto : InputFormat.Json), InputLocation.WholeEvent);
}
