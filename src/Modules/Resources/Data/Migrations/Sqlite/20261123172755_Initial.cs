using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Resources.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "res_blob",
                columns: table => new
                {
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ScannedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StoredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PreviewSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Preview = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_blob", x => x.Sha256);
                });

            migrationBuilder.CreateTable(
                name: "res_catalogue_node",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    GradeCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    Retired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_catalogue_node", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "res_entitlement",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    GrantedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_entitlement", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "res_resource",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ProviderName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    PriceCents = table.Column<long>(type: "INTEGER", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    PublishedVersionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LatestVersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DownloadCount = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_resource", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "res_upload",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    TotalBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaimedSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    BlobSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FailureReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_upload", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "res_version",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Tags = table.Column<string>(type: "TEXT", nullable: false),
                    KnowledgePoints = table.Column<string>(type: "TEXT", nullable: false),
                    TypeCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LanguageCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    LicenceCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CatalogueNodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StageCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubjectCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    GradeCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    CataloguePath = table.Column<string>(type: "TEXT", nullable: false),
                    CatalogueNodeIds = table.Column<string>(type: "TEXT", nullable: false),
                    BlobSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    DurationSeconds = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FirstReviewerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LastComment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_version", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "res_version_event",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Step = table.Column<int>(type: "INTEGER", nullable: false),
                    Trigger = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<int>(type: "INTEGER", nullable: false),
                    To = table.Column<int>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_version_event", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_res_blob_Preview",
                table: "res_blob",
                column: "Preview");

            migrationBuilder.CreateIndex(
                name: "IX_res_catalogue_node_ParentId_SortOrder",
                table: "res_catalogue_node",
                columns: new[] { "ParentId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_res_entitlement_ResourceId_AccountId",
                table: "res_entitlement",
                columns: new[] { "ResourceId", "AccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_res_entitlement_ResourceId_SchoolId",
                table: "res_entitlement",
                columns: new[] { "ResourceId", "SchoolId" });

            migrationBuilder.CreateIndex(
                name: "IX_res_resource_OwnerId",
                table: "res_resource",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_res_resource_PublishedVersionId",
                table: "res_resource",
                column: "PublishedVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_res_upload_OwnerId",
                table: "res_upload",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_res_version_CatalogueNodeId",
                table: "res_version",
                column: "CatalogueNodeId");

            migrationBuilder.CreateIndex(
                name: "IX_res_version_ResourceId_Number",
                table: "res_version",
                columns: new[] { "ResourceId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_res_version_Status",
                table: "res_version",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_res_version_event_ResourceId",
                table: "res_version_event",
                column: "ResourceId");

            migrationBuilder.CreateIndex(
                name: "IX_res_version_event_VersionId_At",
                table: "res_version_event",
                columns: new[] { "VersionId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "res_blob");

            migrationBuilder.DropTable(
                name: "res_catalogue_node");

            migrationBuilder.DropTable(
                name: "res_entitlement");

            migrationBuilder.DropTable(
                name: "res_resource");

            migrationBuilder.DropTable(
                name: "res_upload");

            migrationBuilder.DropTable(
                name: "res_version");

            migrationBuilder.DropTable(
                name: "res_version_event");
        }
    }
}
