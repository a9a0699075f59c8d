using System.CommandLine;
using ClassroomFleet.Agent.Cli;
using ClassroomFleet.Agent.Extensions;

if (args is ["poll", ..])
{
    return await new RootCommand("ClassroomFleet agent") { PollOnceCommand.Create([]) }.Parse(args).InvokeAsync().ConfigureAwait(false);
}

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddSystemd();
builder.AddAgent();
await builder.Build().RunAsync().ConfigureAwait(false);
return 0;
