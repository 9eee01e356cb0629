using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vouch.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReferenceProgram : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Notes",
                table: "Contacts",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RedactedAt",
                table: "AuditEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "EmailNotifications",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: true); // existing users keep getting their notifications, now also by email

            migrationBuilder.AddColumn<string>(
                name: "ExternalId",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Fulfilment",
                table: "ActivityTypes",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "ContentAssets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ApprovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ApprovedUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UseCount = table.Column<int>(type: "INTEGER", nullable: false),
                    UseLimit = table.Column<int>(type: "INTEGER", nullable: true),
                    Link = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FileContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FileLength = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentAssets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContentAssets_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContentAssets_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ContentAssets_AspNetUsers_UpdatedById",
                        column: x => x.UpdatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ContentAssets_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ContentFileChunks",
                columns: table => new
                {
                    FileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Index = table.Column<int>(type: "INTEGER", nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentFileChunks", x => new { x.FileId, x.Index });
                });

            migrationBuilder.CreateTable(
                name: "Engagements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ActivityTypeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Engagements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Engagements_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Engagements_ActivityTypes_ActivityTypeId",
                        column: x => x.ActivityTypeId,
                        principalTable: "ActivityTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Engagements_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImportJobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StartedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Files = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Mapping = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CurrentFile = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    RowsDone = table.Column<int>(type: "INTEGER", nullable: false),
                    RowsTotal = table.Column<int>(type: "INTEGER", nullable: false),
                    Created = table.Column<int>(type: "INTEGER", nullable: false),
                    Updated = table.Column<int>(type: "INTEGER", nullable: false),
                    Unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<int>(type: "INTEGER", nullable: false),
                    Rejections = table.Column<string>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportJobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JobLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    HeldBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Until = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobLeases", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "OpportunityContactRoles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpportunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpportunityContactRoles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OpportunityContactRoles_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OpportunityContactRoles_Opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "Opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutboundEmails",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NotificationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TextBody = table.Column<string>(type: "TEXT", nullable: false),
                    HtmlBody = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ClaimedUntil = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboundEmails", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutboundEmails_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContentAssetIndustries",
                columns: table => new
                {
                    ContentAssetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndustriesId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentAssetIndustries", x => new { x.ContentAssetId, x.IndustriesId });
                    table.ForeignKey(
                        name: "FK_ContentAssetIndustries_ContentAssets_ContentAssetId",
                        column: x => x.ContentAssetId,
                        principalTable: "ContentAssets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContentAssetIndustries_Industries_IndustriesId",
                        column: x => x.IndustriesId,
                        principalTable: "Industries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContentAssetProducts",
                columns: table => new
                {
                    ContentAssetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductsId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentAssetProducts", x => new { x.ContentAssetId, x.ProductsId });
                    table.ForeignKey(
                        name: "FK_ContentAssetProducts_ContentAssets_ContentAssetId",
                        column: x => x.ContentAssetId,
                        principalTable: "ContentAssets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContentAssetProducts_Products_ProductsId",
                        column: x => x.ProductsId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReferenceRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequesterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpportunityId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActivityTypeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NeededBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IndustryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Region = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CountryCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 2, nullable: true),
                    Employees = table.Column<int>(type: "INTEGER", nullable: true),
                    Competitor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    UseCase = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StepDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EscalatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EngagementId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AccountOwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AdvocateAskedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ScheduledFor = table.Column<long>(type: "INTEGER", nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Happened = table.Column<bool>(type: "INTEGER", nullable: true),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    Helped = table.Column<bool>(type: "INTEGER", nullable: true),
                    FeedbackNotes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferenceRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReferenceRequests_ActivityTypes_ActivityTypeId",
                        column: x => x.ActivityTypeId,
                        principalTable: "ActivityTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReferenceRequests_AspNetUsers_AccountOwnerId",
                        column: x => x.AccountOwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ReferenceRequests_AspNetUsers_RequesterId",
                        column: x => x.RequesterId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReferenceRequests_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ReferenceRequests_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ReferenceRequests_Industries_IndustryId",
                        column: x => x.IndustryId,
                        principalTable: "Industries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ReferenceRequests_Opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "Opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ReferenceRequestProducts",
                columns: table => new
                {
                    ProductsId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferenceRequestId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferenceRequestProducts", x => new { x.ProductsId, x.ReferenceRequestId });
                    table.ForeignKey(
                        name: "FK_ReferenceRequestProducts_Products_ProductsId",
                        column: x => x.ProductsId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReferenceRequestProducts_ReferenceRequests_ReferenceRequestId",
                        column: x => x.ReferenceRequestId,
                        principalTable: "ReferenceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RequestTransitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestTransitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestTransitions_ReferenceRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "ReferenceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.UpdateData(
                table: "ActivityTypes",
                keyColumn: "Id",
                keyValue: new Guid("140bf6e0-4cd9-d949-a75f-a7e8aece1a65"),
                column: "Fulfilment",
                value: "ProgramTeam");

            migrationBuilder.UpdateData(
                table: "ActivityTypes",
                keyColumn: "Id",
                keyValue: new Guid("33c1e7b3-0a32-1803-794f-11620717dbd6"),
                column: "Fulfilment",
                value: "ProgramTeam");

            migrationBuilder.UpdateData(
                table: "ActivityTypes",
                keyColumn: "Id",
                keyValue: new Guid("37219fd8-f770-1c40-7f68-c6801d0ad3e1"),
                column: "Fulfilment",
                value: "ProgramTeam");

            migrationBuilder.UpdateData(
                table: "ActivityTypes",
                keyColumn: "Id",
                keyValue: new Guid("5e81e55d-8326-4422-75bb-d23761166343"),
                column: "Fulfilment",
                value: "ProgramTeam");

            migrationBuilder.UpdateData(
                table: "ActivityTypes",
                keyColumn: "Id",
                keyValue: new Guid("71f181d9-4ddd-2b5e-8467-afa319b1d132"),
                column: "Fulfilment",
                value: "ProgramTeam");

            migrationBuilder.UpdateData(
                table: "ActivityTypes",
                keyColumn: "Id",
                keyValue: new Guid("7ed2aef9-b7ad-8b11-81b0-5f1fcb8e38bf"),
                column: "Fulfilment",
                value: "ProgramTeam");

            migrationBuilder.UpdateData(
                table: "ActivityTypes",
                keyColumn: "Id",
                keyValue: new Guid("8948f460-74ce-4caf-231a-1dced1bad8b2"),
                column: "Fulfilment",
                value: "ProgramTeam");

            migrationBuilder.UpdateData(
                table: "ActivityTypes",
                keyColumn: "Id",
                keyValue: new Guid("8a834980-6729-6107-f82f-8a1e3e52f58b"),
                column: "Fulfilment",
                value: "ProgramTeam");

            migrationBuilder.UpdateData(
                table: "ActivityTypes",
                keyColumn: "Id",
                keyValue: new Guid("960b7b2a-3c26-dd70-197c-ff778c38b81a"),
                column: "Fulfilment",
                value: "SelfService");

            migrationBuilder.UpdateData(
                table: "ActivityTypes",
                keyColumn: "Id",
                keyValue: new Guid("a2ba70cf-9b39-40f9-a6e4-422095adcc82"),
                column: "Fulfilment",
                value: "ProgramTeam");

            migrationBuilder.UpdateData(
                table: "ActivityTypes",
                keyColumn: "Id",
                keyValue: new Guid("b3e9c807-5892-e54e-e1fd-72a16c356c6d"),
                column: "Fulfilment",
                value: "ProgramTeam");

            migrationBuilder.UpdateData(
                table: "ActivityTypes",
                keyColumn: "Id",
                keyValue: new Guid("b57a5e5e-ecbe-4974-e681-59fd3a3fb133"),
                column: "Fulfilment",
                value: "ProgramTeam");

            migrationBuilder.UpdateData(
                table: "ActivityTypes",
                keyColumn: "Id",
                keyValue: new Guid("c4449984-3dc4-f015-b70b-d07aa6bb38e9"),
                column: "Fulfilment",
                value: "ProgramTeam");

            migrationBuilder.UpdateData(
                table: "ActivityTypes",
                keyColumn: "Id",
                keyValue: new Guid("c6e8782a-31b1-554f-7834-b35ba0a2b638"),
                column: "Fulfilment",
                value: "ProgramTeam");

            migrationBuilder.UpdateData(
                table: "ActivityTypes",
                keyColumn: "Id",
                keyValue: new Guid("cb0896f3-fa0f-3dfa-d8a5-af5ccc30ee8a"),
                column: "Fulfilment",
                value: "ProgramTeam");

            migrationBuilder.UpdateData(
                table: "ActivityTypes",
                keyColumn: "Id",
                keyValue: new Guid("cfc8a9d1-9b04-d4ba-f3e8-52ba597e09c3"),
                column: "Fulfilment",
                value: "ProgramTeam");

            migrationBuilder.UpdateData(
                table: "ActivityTypes",
                keyColumn: "Id",
                keyValue: new Guid("e879e175-dc74-bff9-3a45-9e9d05267c81"),
                column: "Fulfilment",
                value: "ProgramTeam");

            migrationBuilder.UpdateData(
                table: "ActivityTypes",
                keyColumn: "Id",
                keyValue: new Guid("eccfee97-e190-3118-c35f-ebf6a6511303"),
                column: "Fulfilment",
                value: "ProgramTeam");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_ExternalId",
                table: "AspNetUsers",
                column: "ExternalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContentAssetIndustries_IndustriesId",
                table: "ContentAssetIndustries",
                column: "IndustriesId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentAssetProducts_ProductsId",
                table: "ContentAssetProducts",
                column: "ProductsId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentAssets_AccountId",
                table: "ContentAssets",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentAssets_ContactId",
                table: "ContentAssets",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentAssets_CreatedById",
                table: "ContentAssets",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_ContentAssets_State_ApprovedUntil",
                table: "ContentAssets",
                columns: new[] { "State", "ApprovedUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentAssets_Title_Id",
                table: "ContentAssets",
                columns: new[] { "Title", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentAssets_UpdatedById",
                table: "ContentAssets",
                column: "UpdatedById");

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_AccountId_At",
                table: "Engagements",
                columns: new[] { "AccountId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_ActivityTypeId",
                table: "Engagements",
                column: "ActivityTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_ContactId_At",
                table: "Engagements",
                columns: new[] { "ContactId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_RequestId",
                table: "Engagements",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportJobs_CreatedAt",
                table: "ImportJobs",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityContactRoles_ContactId",
                table: "OpportunityContactRoles",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityContactRoles_ExternalId",
                table: "OpportunityContactRoles",
                column: "ExternalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityContactRoles_OpportunityId",
                table: "OpportunityContactRoles",
                column: "OpportunityId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboundEmails_NotificationId",
                table: "OutboundEmails",
                column: "NotificationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboundEmails_Status_NextAttemptAt",
                table: "OutboundEmails",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboundEmails_UserId",
                table: "OutboundEmails",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ReferenceRequestProducts_ReferenceRequestId",
                table: "ReferenceRequestProducts",
                column: "ReferenceRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_ReferenceRequests_AccountOwnerId_Status",
                table: "ReferenceRequests",
                columns: new[] { "AccountOwnerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ReferenceRequests_ActivityTypeId",
                table: "ReferenceRequests",
                column: "ActivityTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_ReferenceRequests_ContactId",
                table: "ReferenceRequests",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_ReferenceRequests_EngagementId",
                table: "ReferenceRequests",
                column: "EngagementId");

            migrationBuilder.CreateIndex(
                name: "IX_ReferenceRequests_IndustryId",
                table: "ReferenceRequests",
                column: "IndustryId");

            migrationBuilder.CreateIndex(
                name: "IX_ReferenceRequests_OpportunityId",
                table: "ReferenceRequests",
                column: "OpportunityId");

            migrationBuilder.CreateIndex(
                name: "IX_ReferenceRequests_RequesterId_CreatedAt",
                table: "ReferenceRequests",
                columns: new[] { "RequesterId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReferenceRequests_Status_StepDueAt",
                table: "ReferenceRequests",
                columns: new[] { "Status", "StepDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RequestTransitions_RequestId_At",
                table: "RequestTransitions",
                columns: new[] { "RequestId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContentAssetIndustries");

            migrationBuilder.DropTable(
                name: "ContentAssetProducts");

            migrationBuilder.DropTable(
                name: "ContentFileChunks");

            migrationBuilder.DropTable(
                name: "ImportJobs");

            migrationBuilder.DropTable(
                name: "JobLeases");

            migrationBuilder.DropTable(
                name: "OpportunityContactRoles");

            migrationBuilder.DropTable(
                name: "OutboundEmails");

            migrationBuilder.DropTable(
                name: "ReferenceRequestProducts");

            migrationBuilder.DropTable(
                name: "RequestTransitions");

            migrationBuilder.DropTable(
                name: "ContentAssets");

            migrationBuilder.DropTable(
                name: "ReferenceRequests");

            migrationBuilder.DropTable(
                name: "Engagements");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_ExternalId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "Notes",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "RedactedAt",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "EmailNotifications",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "ExternalId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "Fulfilment",
                table: "ActivityTypes");
        }
    }
}
