using ClassroomFleet.Fleet.Extensions;
using ClassroomFleet.Fleet.Runtime;

MallocArenaLimit.Apply();
var builder = WebApplication.CreateBuilder(args);
builder.AddFleet();
var app = builder.Build();
app.MapFleet();
await app.RunAsync().ConfigureAwait(false);
