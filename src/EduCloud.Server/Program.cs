using EduCloud.Server;
using EduCloud.Server.Cli;

var builder = WebApplication.CreateBuilder(args);
builder.AddEduCloud();
var app = builder.Build();
app.UseEduCloud();

if (CliCommands.IsCommand(args))
{
    return await CliCommands.RunAsync(app, args);
}

await Startup.PrepareAsync(app);
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
