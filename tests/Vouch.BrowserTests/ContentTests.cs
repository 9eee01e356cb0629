using Microsoft.Playwright;
using Vouch.Auth;
using static Microsoft.Playwright.Assertions;

namespace Vouch.BrowserTests;

/// <summary>The content library as a reference manager uses it: add content with its file, find it, download it.</summary>
public sealed class ContentTests(VouchServer server) : IClassFixture<VouchServer>
{
    [Fact]
    public async Task AManagerAddsACaseStudyWithItsFileFindsItAndDownloadsIt()
    {
        var manager = await server.AddUserAsync(Roles.ReferenceManager);
        var title = $"Case study {Guid.NewGuid():N}"[..24];
        var pdf = "%PDF-1.4\n% a case study\n%%EOF\n"u8.ToArray();
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(manager);

        await page.FollowNavigationAsync("Content");
        await page.GetByTestId("new-content").ClickAsync();
        await Expect(page.MainHeading()).ToHaveTextAsync("Add content");
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Kind").SelectOptionAsync(new SelectOptionValue { Label = "Case study" });
        await page.GetByLabel("Customer account").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Buyer stage").SelectOptionAsync("Decision");
        await page.GetByLabel("File").SetInputFilesAsync(new FilePayload { Name = "story.pdf", MimeType = "application/pdf", Buffer = pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add content" }).ClickAsync();

        await Expect(page.MainHeading()).ToHaveTextAsync(title);
        await Expect(page.GetByTestId("notice")).ToHaveTextAsync("The content was added as a draft.");
        await Expect(page.GetByTestId("state")).ToHaveTextAsync("draft");

        await page.GotoAsync("/content");
        await page.GetByLabel("Search").FillAsync(title);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.GetByTestId("content-card")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download").ClickAsync());
        Assert.Equal("story.pdf", download.SuggestedFilename);
        Assert.Equal(pdf, await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AnExecutableNamedAsAPdfIsRefusedOnTheFormAndNothingIsAdded()
    {
        var manager = await server.AddUserAsync(Roles.ReferenceManager);
        var title = $"Renamed program {Guid.NewGuid():N}"[..28];
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(manager);
        await page.GotoAsync("/content/new");

        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Customer account").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("File").SetInputFilesAsync(new FilePayload { Name = "report.pdf", MimeType = "application/pdf", Buffer = "MZ\u0090\0program"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add content" }).ClickAsync();

        await Expect(page.GetByTestId("file-error")).ToHaveTextAsync("The file is named as a PDF file but its content is not one (it is a Windows program).");
        await Expect(page.GetByLabel("Title")).ToHaveValueAsync(title);
        Assert.False(await server.QueryAsync((db, ct) => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.ContentAssets, c => c.Title == title, ct)));
    }
}
