using ClassroomFleet.Agent.Extensions;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddSystemd();
builder.AddAgent();
await builder.Build().RunAsync().ConfigureAwait(false);
