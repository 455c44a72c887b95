using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using ServerlessShield;

var builder = FunctionsApplication.CreateBuilder(args);

// One line: functions marked [Shield] are inspected, and their errors are redacted. Settings come from the
// "ServerlessShield" configuration section (app settings: ServerlessShield__Profile, ServerlessShield__Limits__MaxPayloadBytes, ...).
builder.UseServerlessShield();

builder.Build().Run();
