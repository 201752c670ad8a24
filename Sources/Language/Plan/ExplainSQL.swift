import Engine
import Remote

/// `explain sql STATEMENT`: the statement is run with an executor that records its plans and computes
/// nothing, and each plan is shown as the SQL the dataset's engine runs (PostgreSQL's for data in memory).
func explainSQL(_ statement: Statement, _ verb: Verb, _ session: Session) throws -> [String] {
    guard verb.plan != nil else {
        throw LanguageError(Catalogue.readsNoRows(verb.name),
                            at: statement.verb.span, example: "explain sql count by province")
    }
    let dataset = try session.current(at: statement.verb.span)
    let recorder = try recordPlans(statement, verb, session)
    let compiler = dataset.remote?.compiler ?? SQLCompiler(dialect: .postgres, table: dataset.name)
    let language = session.settings.language
    let header = dataset.remote.map {
        Catalogue.sqlSent(dataset.name, on: $0.connection.displayName)
    } ?? Catalogue.sqlThatWouldBeSent(dataset.name)
    var lines = [header.text(language)]
    for plan in recorder.plans {
        let text = plan.aggregates.isEmpty && plan.keys.isEmpty
            ? try compiler.rows(plan, columns: plan.columns.isEmpty ? dataset.table.columnNames : plan.columns)
            : try compiler.groups(plan)
        lines.append(text + ";")
    }
    return lines
}

/// Runs `statement` with an executor that records its plans and answers with no rows: nothing is
/// computed, but every mistake binding can find (a name, a value, a clause) is thrown as when it runs.
@discardableResult
func recordPlans(_ statement: Statement, _ verb: Verb, _ session: Session) throws -> PlanRecorder {
    let recorder = PlanRecorder()
    session.planRecorder = recorder
    defer { session.planRecorder = nil }
    do {
        _ = try verb.run(statement, session)
    } catch let mistake as LanguageError {
        throw mistake
    } catch {
        // Shaping an answer from no rows may fail (trend's periods); the plans are recorded by then.
    }
    return recorder
}
