using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Serilog;
using ServerlessShield;

var builder = FunctionsApplication.CreateBuilder(args);

// Serilog: every log line of a shielded invocation carries its correlation id (the id a caller sees in a problem+json
// body or a ShieldedInvocationException), and secrets are scrubbed from properties and destructured exceptions.
builder.Services.AddSerilog(logger => logger
    .Enrich.WithServerlessShield()
    .Enrich.WithSecretScrubbing()
    .Destructure.WithSecretScrubbing()
    .WriteTo.Console());

// One line: functions marked [Shield] are inspected, and their errors are redacted. Settings come from the
// "ServerlessShield" configuration section (app settings: ServerlessShield__Profile, ServerlessShield__Limits__MaxPayloadBytes, ...).
// With the ASP.NET Core integration, call builder.ConfigureFunctionsWebApplication() first.
builder.UseServerlessShield();

builder.Build().Run();
