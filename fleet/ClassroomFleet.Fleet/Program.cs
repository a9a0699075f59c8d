using ClassroomFleet.Fleet.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddFleet();
var app = builder.Build();
app.MapFleet();
await app.RunAsync().ConfigureAwait(false);
