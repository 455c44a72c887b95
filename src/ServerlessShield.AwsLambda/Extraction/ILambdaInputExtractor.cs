namespace ServerlessShield.AwsLambda;

// Turns one source family's event into the shield's model: the user-controlled inputs and, for HTTP, the request
// parts. Platform metadata (request contexts, ARNs, receipt handles) is never an input.
internal interface ILambdaInputExtractor
{
    void Extract(LambdaEvent lambdaEvent, ShieldContext context);
}
