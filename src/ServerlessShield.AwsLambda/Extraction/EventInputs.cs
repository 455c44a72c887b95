namespace ServerlessShield.AwsLambda;

// Adds an input together with where it came from. An input without a location (a query value, a URL-encoded S3 key,
// decompressed logs) cannot be written back: if Sanitize mode rewrites it, the shield blocks instead.
internal static class EventInputs
{
    public static void Add(this ShieldContext context, LambdaEvent lambdaEvent, ShieldInput input, InputLocation? location)
    {
        if (location is not null)
        {
            lambdaEvent.Locations[context.Inputs.Count] = location;
        }

        context.Inputs.Add(input);
    }
}
