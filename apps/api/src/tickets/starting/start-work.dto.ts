/** POST /tickets/:id/start: no fields (any field sent is rejected). */
export class StartWorkDto {}
