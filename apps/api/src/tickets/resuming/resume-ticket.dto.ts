/** POST /tickets/:id/resume: no fields (any field sent is rejected). */
export class ResumeTicketDto {}
