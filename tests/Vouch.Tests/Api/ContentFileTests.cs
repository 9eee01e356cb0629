using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Content;
using Vouch.Tests.Infrastructure;
using static Vouch.Tests.Api.ContentTestData;

namespace Vouch.Tests.Api;

/// <summary>The app with content files in a shared folder rather than the database.</summary>
public sealed class ContentInFolderApp : VouchApp
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "vouch-content-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Content:FileStore", "Folder");
        builder.UseSetting("Content:Folder", Folder);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}

/// <summary>The folder store: the same round trip, ranges and clean-up as the database store.</summary>
public sealed class ContentFolderStoreTests(ContentInFolderApp app) : IClassFixture<ContentInFolderApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_file_is_kept_in_the_folder_downloaded_byte_for_byte_and_removed_with_its_content()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var content = await AddContentAsync(manager);
        var bytes = File(PdfHead, 1_500_000);

        using var uploaded = await UploadAsync(manager, content.Id, bytes, "../../etc/Story:one*.pdf");

        Assert.Equal("Story_one_.pdf", (await uploaded.Content.ReadFromJsonAsync<ContentResponse>(Ct))!.File!.Name);
        var stored = Assert.Single(Directory.GetFiles(app.Folder));
        Assert.Equal(bytes, await System.IO.File.ReadAllBytesAsync(stored, Ct));
        Assert.False(await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().ContentFileChunks.AnyAsync(Ct)));
        using var download = await manager.GetAsync($"/api/v1/content/{content.Id}/file", Ct);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync(Ct));
        using var range = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/content/{content.Id}/file");
        range.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(1_000_000, 1_000_099);
        using var partial = await manager.SendAsync(range, Ct);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(bytes[1_000_000..1_000_100], await partial.Content.ReadAsByteArrayAsync(Ct));

        using var deleted = await manager.DeleteAsync($"/api/v1/content/{content.Id}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(Directory.GetFiles(app.Folder));
    }

    [Fact]
    public async Task A_refused_file_leaves_nothing_in_the_folder()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var content = await AddContentAsync(manager);
        var before = Directory.Exists(app.Folder) ? Directory.GetFiles(app.Folder).Length : 0;

        using var refused = await UploadAsync(manager, content.Id, "MZ\0\0 program"u8.ToArray(), "report.pdf");

        await refused.AssertValidationProblemAsync("file");
        Assert.Equal(before, Directory.Exists(app.Folder) ? Directory.GetFiles(app.Folder).Length : 0);
    }
}

/// <summary>A real server with a 40 MB file limit: big uploads stream through, and one byte over is refused.</summary>
public sealed class ContentLimitedApp : VouchApp
{
    public const long MaxFileBytes = 40L * 1024 * 1024;

    public ContentLimitedApp() => UseKestrel(0);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Content:MaxFileBytes", MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>Large files and concurrent uses over real connections to a real server.</summary>
public sealed class ContentOnServerTests(ContentLimitedApp app) : IClassFixture<ContentLimitedApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_30_MB_file_streams_in_and_out_although_API_bodies_are_limited_to_1_MiB()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var content = await AddContentAsync(manager);
        var bytes = File([0, 0, 0, 0x18, .. "ftypmp42"u8], 30 * 1024 * 1024);

        using var uploaded = await UploadAsync(manager, content.Id, bytes, "keynote.mp4", "video/mp4");

        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        using var download = await manager.GetAsync($"/api/v1/content/{content.Id}/file", HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal("video/mp4", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(bytes.Length, download.Content.Headers.ContentLength);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_with_413_and_nothing_is_kept()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var content = await AddContentAsync(manager);
        var chunksBefore = await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().ContentFileChunks.CountAsync(Ct));

        using var response = await UploadAsync(manager, content.Id, File(PdfHead, (int)ContentLimitedApp.MaxFileBytes + 1), "huge.pdf");

        var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("file: files are limited to 41,943,040 bytes.", problem.GetProperty("detail").GetString());
        Assert.Equal(chunksBefore, await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().ContentFileChunks.CountAsync(Ct)));
        Assert.Null((await manager.GetFromJsonAsync<ContentResponse>($"/api/v1/content/{content.Id}", Ct))!.File);
    }

    [Fact]
    public async Task Twenty_sellers_racing_for_the_last_use_leave_exactly_one_with_it()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var accountId = await AddAccountAsync(manager);
        var quote = await AddContentAsync(manager, new { title = "One more deal", kind = "Quote", accountId, useLimit = 3 });
        await ApproveAsync(manager, quote.Id);
        using (await manager.PostAsync($"/api/v1/content/{quote.Id}/uses", null, Ct))
        using (await manager.PostAsync($"/api/v1/content/{quote.Id}/uses", null, Ct))
        {
        }
        var sellers = new List<HttpClient>();
        for (var i = 0; i < 20; i++)
        {
            sellers.Add(await app.ClientForAsync(Roles.Seller));
        }

        var answers = await Task.WhenAll(sellers.Select(async seller =>
        {
            using var response = await seller.PostAsync($"/api/v1/content/{quote.Id}/uses", null, Ct);
            return response.StatusCode;
        }));

        Assert.Equal(1, answers.Count(a => a == HttpStatusCode.OK));
        Assert.Equal(19, answers.Count(a => a == HttpStatusCode.Conflict));
        Assert.Equal(3, (await manager.GetFromJsonAsync<ContentResponse>($"/api/v1/content/{quote.Id}", Ct))!.UseCount);
        sellers.ForEach(s => s.Dispose());
    }
}
