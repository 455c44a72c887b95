using System.Text.Json;

namespace ServerlessShield.AwsLambda;

// CloudFormation custom resources: the template's ResourceProperties (and, on Update, OldResourceProperties) are the
// user data. ResponseURL is a pre-signed S3 URL, a secret: it is never an input, so never near a log line.
internal sealed class CloudFormationInputExtractor : ILambdaInputExtractor
{
    public void Extract(LambdaEvent lambdaEvent, ShieldContext context)
    {
        foreach (var name in (string[])["ResourceProperties", "OldResourceProperties"])
        {
            if (lambdaEvent.Root.TryGet(name, JsonValueKind.Object, out var properties))
            {
                context.Add(lambdaEvent, RecordInputs.Json(name, properties), InputLocation.Of(InputEncoding.Json, name));
            }
        }
    }
}
