using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Vouch.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddPoliciesStakeholdersLaunches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "StakeholderGroupId",
                table: "ReferenceRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FitsWhere",
                table: "ContentAssets",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NotAFitFor",
                table: "ContentAssets",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FitsWhere",
                table: "Contacts",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NotAFitFor",
                table: "Contacts",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ActivityPolicy",
                columns: table => new
                {
                    ActivityTypeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MinimumStage = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    MinimumDealSize = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityPolicy", x => x.ActivityTypeId);
                    table.ForeignKey(
                        name: "FK_ActivityPolicy_ActivityTypes_ActivityTypeId",
                        column: x => x.ActivityTypeId,
                        principalTable: "ActivityTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Launch",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Segments = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Launch", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Launch_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PolicyException",
                columns: table => new
                {
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Rules = table.Column<string>(type: "TEXT", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyException", x => x.RequestId);
                    table.ForeignKey(
                        name: "FK_PolicyException_AspNetUsers_DecidedById",
                        column: x => x.DecidedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PolicyException_ReferenceRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "ReferenceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgramPolicy",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LogoNeedsWrittenConsent = table.Column<bool>(type: "INTEGER", nullable: false),
                    CaseStudyReapprovalMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgramPolicy", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StakeholderGroup",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    Activities = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CapacityShare = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StakeholderGroup", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LaunchTarget",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LaunchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Segment = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ActivityTypeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Needed = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LaunchTarget", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LaunchTarget_ActivityTypes_ActivityTypeId",
                        column: x => x.ActivityTypeId,
                        principalTable: "ActivityTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LaunchTarget_Launch_LaunchId",
                        column: x => x.LaunchId,
                        principalTable: "Launch",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StakeholderMember",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StakeholderMember", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_StakeholderMember_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StakeholderMember_StakeholderGroup_GroupId",
                        column: x => x.GroupId,
                        principalTable: "StakeholderGroup",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "StakeholderGroup",
                columns: new[] { "Id", "Activities", "CapacityShare", "Key", "Name", "Priority", "Version" },
                values: new object[,]
                {
                    { new Guid("279e9e46-dc73-aae3-cc40-70608afb70e4"), "advisory-board,beta-feedback,community-answer", 10, "product", "Product", 5, new Guid("d0779942-6774-d941-8d66-c37677fd4cf8") },
                    { new Guid("597f20c8-036f-4c80-19c5-a8d22d6bf8ed"), "press-release,media-interview,quote,logo-use,brand-defence", 10, "pr", "PR", 3, new Guid("54d34ae0-ad66-6fd6-2b68-655213954164") },
                    { new Guid("731a3814-4462-cac2-1713-5a7fa9372191"), "case-study,video,quote,logo-use,speaking,webinar,review-site-review,event-host", 20, "marketing", "Marketing", 2, new Guid("45c7f2d1-2163-d6d7-0090-bb9da231d3da") },
                    { new Guid("a62fc30a-da7c-2b4b-11ba-408632980dce"), "reference-call,site-visit,case-study,video,quote,logo-use,referral", 50, "sales", "Sales", 1, new Guid("c621362b-4d1f-eced-f172-b2a97ecd69ae") },
                    { new Guid("aeb74c34-9695-11d2-e8cb-70b1d33fd547"), "analyst-reference,quote", 10, "analyst-relations", "Analyst relations", 4, new Guid("28328a84-a1ce-ecd5-8d0b-8d372534fef2") }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Launch_Date_Id",
                table: "Launch",
                columns: new[] { "Date", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Launch_ProductId",
                table: "Launch",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_LaunchTarget_ActivityTypeId",
                table: "LaunchTarget",
                column: "ActivityTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_LaunchTarget_LaunchId_Segment_ActivityTypeId",
                table: "LaunchTarget",
                columns: new[] { "LaunchId", "Segment", "ActivityTypeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PolicyException_DecidedById",
                table: "PolicyException",
                column: "DecidedById");

            migrationBuilder.CreateIndex(
                name: "IX_PolicyException_State_RequestedAt",
                table: "PolicyException",
                columns: new[] { "State", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StakeholderGroup_Key",
                table: "StakeholderGroup",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StakeholderMember_GroupId",
                table: "StakeholderMember",
                column: "GroupId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActivityPolicy");

            migrationBuilder.DropTable(
                name: "LaunchTarget");

            migrationBuilder.DropTable(
                name: "PolicyException");

            migrationBuilder.DropTable(
                name: "ProgramPolicy");

            migrationBuilder.DropTable(
                name: "StakeholderMember");

            migrationBuilder.DropTable(
                name: "Launch");

            migrationBuilder.DropTable(
                name: "StakeholderGroup");

            migrationBuilder.DropColumn(
                name: "StakeholderGroupId",
                table: "ReferenceRequests");

            migrationBuilder.DropColumn(
                name: "FitsWhere",
                table: "ContentAssets");

            migrationBuilder.DropColumn(
                name: "NotAFitFor",
                table: "ContentAssets");

            migrationBuilder.DropColumn(
                name: "FitsWhere",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "NotAFitFor",
                table: "Contacts");
        }
    }
}
