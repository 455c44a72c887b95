using System.Globalization;
using System.Text.Json;

namespace ServerlessShield.AwsLambda;

// Each record's body is one input, tied to its messageId so a block rejects that record only.
// Bodies are free-form (JSON, an SNS or S3 envelope, plain text): read as Auto.
internal sealed class SqsInputExtractor : ILambdaInputExtractor
{
    public void Extract(LambdaEvent lambdaEvent, ShieldContext context)
    {
        if (!lambdaEvent.Root.TryGet("Records", JsonValueKind.Array, out var records))
        {
            return;
        }

        var index = 0;
        foreach (var record in records.EnumerateArray())
        {
            var body = record.GetStringOrNull("body");
            if (body is not null)
            {
                var path = string.Create(CultureInfo.InvariantCulture, $"Records[{index}].body");
                context.Inputs.Add(ShieldInput.FromString(path, body, InputFormat.Auto, record.GetStringOrNull("messageId")));
            }

            index++;
        }
    }
}
