// Serves one response body from memory: GET / answers with the bytes of the file named by the
// Body setting (--Body=path or the environment variable Body), as application/json.
var builder = WebApplication.CreateSlimBuilder(args);
// Like Vouch in production, nothing is logged per request.
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var path = builder.Configuration["Body"];
if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
{
    Console.Error.WriteLine("error: pass --Body=<file>: the response body to serve.");
    return 1;
}
var body = await File.ReadAllBytesAsync(path);

var app = builder.Build();
app.MapGet("/", () => Results.Bytes(body, "application/json"));
await app.RunAsync();
return 0;
