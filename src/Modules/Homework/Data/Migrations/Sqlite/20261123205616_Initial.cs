using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Homework.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "hw_assignment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeacherId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeacherName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ClassName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Instructions = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    MaxScore = table.Column<double>(type: "REAL", nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Deadline = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AttachmentIds = table.Column<string>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hw_assignment", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hw_criterion",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Points = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hw_criterion", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hw_file",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hw_file", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hw_file_comment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Anchor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hw_file_comment", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hw_submission",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudentName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CurrentVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    FileIds = table.Column<string>(type: "TEXT", nullable: false),
                    FirstSubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Late = table.Column<bool>(type: "INTEGER", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: true),
                    CriterionPoints = table.Column<string>(type: "TEXT", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    MarkedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MarkedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hw_submission", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hw_submission_version",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    FileIds = table.Column<string>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Late = table.Column<bool>(type: "INTEGER", nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hw_submission_version", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_hw_assignment_CityCode",
                table: "hw_assignment",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_hw_assignment_ClassId",
                table: "hw_assignment",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_hw_assignment_ClassId_DueAt",
                table: "hw_assignment",
                columns: new[] { "ClassId", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_hw_assignment_CountyCode",
                table: "hw_assignment",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_hw_assignment_ProvinceCode",
                table: "hw_assignment",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_hw_assignment_SchoolId",
                table: "hw_assignment",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_hw_assignment_SetId",
                table: "hw_assignment",
                column: "SetId");

            migrationBuilder.CreateIndex(
                name: "IX_hw_criterion_AssignmentId_SortOrder",
                table: "hw_criterion",
                columns: new[] { "AssignmentId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_hw_file_UploadedBy",
                table: "hw_file",
                column: "UploadedBy");

            migrationBuilder.CreateIndex(
                name: "IX_hw_file_comment_CityCode",
                table: "hw_file_comment",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_hw_file_comment_ClassId",
                table: "hw_file_comment",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_hw_file_comment_CountyCode",
                table: "hw_file_comment",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_hw_file_comment_ProvinceCode",
                table: "hw_file_comment",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_hw_file_comment_SchoolId",
                table: "hw_file_comment",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_hw_file_comment_SubmissionId",
                table: "hw_file_comment",
                column: "SubmissionId");

            migrationBuilder.CreateIndex(
                name: "IX_hw_submission_AssignmentId_StudentId",
                table: "hw_submission",
                columns: new[] { "AssignmentId", "StudentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_hw_submission_CityCode",
                table: "hw_submission",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_hw_submission_ClassId",
                table: "hw_submission",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_hw_submission_CountyCode",
                table: "hw_submission",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_hw_submission_ProvinceCode",
                table: "hw_submission",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_hw_submission_SchoolId",
                table: "hw_submission",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_hw_submission_StudentId",
                table: "hw_submission",
                column: "StudentId");

            migrationBuilder.CreateIndex(
                name: "IX_hw_submission_version_CityCode",
                table: "hw_submission_version",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_hw_submission_version_ClassId",
                table: "hw_submission_version",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_hw_submission_version_CountyCode",
                table: "hw_submission_version",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_hw_submission_version_ProvinceCode",
                table: "hw_submission_version",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_hw_submission_version_SchoolId",
                table: "hw_submission_version",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_hw_submission_version_StudentId_IdempotencyKey",
                table: "hw_submission_version",
                columns: new[] { "StudentId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_hw_submission_version_SubmissionId_Number",
                table: "hw_submission_version",
                columns: new[] { "SubmissionId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hw_assignment");

            migrationBuilder.DropTable(
                name: "hw_criterion");

            migrationBuilder.DropTable(
                name: "hw_file");

            migrationBuilder.DropTable(
                name: "hw_file_comment");

            migrationBuilder.DropTable(
                name: "hw_submission");

            migrationBuilder.DropTable(
                name: "hw_submission_version");
        }
    }
}
